import { createRouter, createWebHistory } from 'vue-router'
import type { SessionUser } from '@/api/auth'
import { useAuthStore } from '@/stores/auth'
import { routes } from './routes'

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
})

/**
 * The page a session must visit before any other: the server answers every other request with
 * 403 `password_change_required` or `mfa_enrolment_required` until it is done.
 */
export function requiredRouteName(user: SessionUser | null): string | undefined {
  if (user?.must_change_password) return 'change-password'
  if (user?.mfa_enrolment_required) return 'account-security'
  return undefined
}

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  if (!auth.restored) await auth.restore()

  if (to.name === 'login' && auth.loggedIn) return { path: '/' }
  if (to.meta.public) return true
  if (!auth.loggedIn) return { name: 'login', query: { redirect: to.fullPath } }
  const required = requiredRouteName(auth.user)
  if (required && to.name !== required) return { name: required }
  // A page the user may not open looks like one that does not exist, as on the server.
  const denied = to.matched.some((record) => record.meta.permission && !auth.hasPermission(record.meta.permission))
  if (denied) return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') } }
  return true
})
