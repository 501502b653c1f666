import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import * as authApi from '@/api/auth'
import type { Session, SessionUser } from '@/api/auth'

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

  async function login(username: string, password: string) {
    apply(await authApi.login(username, password))
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

  return { user, csrfToken, restored, loggedIn, hasPermission, login, restore, logout, clear }
})
