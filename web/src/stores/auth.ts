import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import * as authApi from '@/api/auth'
import { isMfaChallenge, type MfaChallenge, type Session, type SessionUser } from '@/api/auth'

/** Matches any permission; the server grants it to administrators. */
export const kAllPermissions = '*'

export const useAuthStore = defineStore('auth', () => {
  const user = ref<SessionUser | null>(null)
  const csrfToken = ref('')
  /** True once the session has been looked up after a page load. */
  const restored = ref(false)

  const loggedIn = computed(() => user.value !== null)
  const permissions = computed(() => new Set(user.value?.permissions ?? []))

  function hasPermission(permission: string): boolean {
    return permissions.value.has(kAllPermissions) || permissions.value.has(permission)
  }

  function apply(session: Session) {
    user.value = session.user
    csrfToken.value = session.csrf_token
    restored.value = true
  }

  function clear() {
    user.value = null
    csrfToken.value = ''
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

  /**
   * Restores the session from the cookie after a reload. Any failure (401, server down) leaves
   * the user logged out: the login page reports server problems when it is used.
   */
  async function restore() {
    try {
      apply(await authApi.getSession())
    } catch {
      clear()
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
