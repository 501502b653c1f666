import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import * as authApi from '@/api/auth'
import { isMfaChallenge, type MfaChallenge, type Session, type SessionUser } from '@/api/auth'
import { ApiError } from '@/api/http'

/** Matches any permission; the server grants it to administrators. */
export const kAllPermissions = '*'

/**
 * sessionStorage key of the current session's CSRF token and the names the top bar shows. A
 * reload in the `must_change_password` state needs them: `/auth/me` then answers 403
 * `password_change_required` instead of the session, yet `/auth/password` wants the token.
 */
const kStoredSessionKey = 'lianyin.session'

/** Tries of `/auth/me` while the server answers 503 (busy), and the longest wait between them. */
const kRestoreAttempts = 3
const kRestoreMaxWaitSeconds = 5

interface StoredSession {
  csrf_token: string
  display_name: string
  unit_name: string
}

function readStoredSession(): StoredSession | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(kStoredSessionKey) ?? 'null') as Partial<StoredSession> | null
    if (!value || typeof value.csrf_token !== 'string' || !value.csrf_token) return null
    return { csrf_token: value.csrf_token, display_name: value.display_name ?? '', unit_name: value.unit_name ?? '' }
  } catch {
    return null
  }
}

function writeStoredSession(session: Session) {
  const stored: StoredSession = {
    csrf_token: session.csrf_token,
    display_name: session.user.display_name,
    unit_name: session.user.unit_name,
  }
  try {
    sessionStorage.setItem(kStoredSessionKey, JSON.stringify(stored))
  } catch {
    // Storage disabled or full: only a reload in the password-change state suffers.
  }
}

function removeStoredSession() {
  try {
    sessionStorage.removeItem(kStoredSessionKey)
  } catch {
    // Storage disabled: nothing was stored.
  }
}

/** Stands in for the user while only `/auth/password` and logout are allowed; `refresh` replaces it. */
function passwordChangeUser(stored: StoredSession): SessionUser {
  return {
    id: 0,
    username: '',
    display_name: stored.display_name,
    unit_id: 0,
    unit_name: stored.unit_name,
    roles: [],
    permissions: [],
    org_id: null,
    worker_id: null,
    must_change_password: true,
  }
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000))

export const useAuthStore = defineStore('auth', () => {
  const user = ref<SessionUser | null>(null)
  const csrfToken = ref(readStoredSession()?.csrf_token ?? '')
  /** True once the session has been looked up after a page load. */
  const restored = ref(false)

  const loggedIn = computed(() => user.value !== null)
  const permissions = computed(() => new Set(user.value?.permissions ?? []))
  /**
   * The user's unit is the platform root: only then may deployment-wide things (role permissions,
   * security settings) be changed. A server that does not send the field means false.
   */
  const platformLevel = computed(() => user.value?.platform_level === true)

  function hasPermission(permission: string): boolean {
    return permissions.value.has(kAllPermissions) || permissions.value.has(permission)
  }

  function apply(session: Session) {
    user.value = session.user
    csrfToken.value = session.csrf_token
    restored.value = true
    writeStoredSession(session)
  }

  /** Forgets the session, including the stored CSRF token (logout, 401). */
  function clear() {
    user.value = null
    csrfToken.value = ''
    removeStoredSession()
  }

  /** Resolves with the challenge when the user has TOTP on; the session starts after `loginTotp`. */
  async function login(username: string, password: string): Promise<MfaChallenge | null> {
    const result = await authApi.login(username, password)
    if (isMfaChallenge(result)) return result
    apply(result)
    return null
  }

  async function loginTotp(mfaToken: string, code: string) {
    apply(await authApi.loginTotp(mfaToken, code))
  }

  /** Re-reads the session, e.g. after a password change cleared `must_change_password`. */
  async function refresh() {
    apply(await authApi.getSession())
  }

  /** Records a requirement the server reported (403) before the session object knew of it. */
  function require(code: string) {
    if (!user.value) return
    if (code === 'password_change_required') user.value.must_change_password = true
    if (code === 'mfa_enrolment_required') user.value.mfa_enrolment_required = true
  }

  /** `/auth/me`, tried again while the server answers 503 (busy) as `Retry-After` asks (bounded). */
  async function fetchSession(): Promise<Session> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await authApi.getSession()
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 503) || attempt >= kRestoreAttempts) throw error
        await sleep(Math.min(Math.max(error.retryAfter ?? 1, 1), kRestoreMaxWaitSeconds))
      }
    }
  }

  /**
   * Restores the session from the cookie after a reload. A session that must change its password
   * first (403 `password_change_required`) is kept with the stored CSRF token, so the password
   * form still works. 401 ends the session; any other failure (server down or busy) leaves the
   * user logged out but keeps the stored token: the login page reports server problems when used.
   */
  async function restore() {
    try {
      apply(await fetchSession())
    } catch (error) {
      const stored = readStoredSession()
      if (error instanceof ApiError && error.code === 'password_change_required' && stored) {
        user.value = passwordChangeUser(stored)
        csrfToken.value = stored.csrf_token
      } else if (error instanceof ApiError && error.status === 401) {
        clear()
      } else {
        user.value = null
      }
    } finally {
      restored.value = true
    }
  }

  async function logout() {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  return {
    user,
    csrfToken,
    restored,
    loggedIn,
    platformLevel,
    hasPermission,
    login,
    loginTotp,
    refresh,
    require,
    restore,
    logout,
    clear,
  }
})
