import { createRouter, createWebHistory } from 'vue-router'
import type { SessionUser } from '@/api/auth'
import { useAuthStore } from '@/stores/auth'
import { routes } from './routes'

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
})

/**
 * A worker's session (`worker_id` set): its app is the phone pages under /m/ (src/mobile); the
 * admin pages have nothing for it, and the phone pages are for workers only.
 */
export function isWorkerSession(user: SessionUser | null): boolean {
  return user?.worker_id !== null && user?.worker_id !== undefined
}

/**
 * The page a session must visit before any other: the server answers every other request with
 * 403 `password_change_required` or `mfa_enrolment_required` until it is done. A worker, or any
 * session on the phone pages (`phone`), changes its password on the phone page.
 */
export function requiredRouteName(user: SessionUser | null, phone = false): string | undefined {
  if (user?.must_change_password) return phone || isWorkerSession(user) ? 'm-password' : 'change-password'
  if (user?.mfa_enrolment_required) return 'account-security'
  return undefined
}

router.beforeEach(async (to, from) => {
  const auth = useAuthStore()
  if (!auth.restored) await auth.restore()

  const phone = to.meta.mobile === true
  const worker = isWorkerSession(auth.user)
  if ((to.name === 'login' || to.name === 'm-login') && auth.loggedIn) return { path: worker || phone ? '/m/' : '/' }
  if (to.meta.public) return true
  if (!auth.loggedIn) return { name: phone ? 'm-login' : 'login', query: { redirect: to.fullPath } }
  const required = requiredRouteName(auth.user, phone || from.meta.mobile === true)
  if (required) {
    if (to.name === required) return true
    // The phone's password page goes on to the phone page asked for (a check-in link) once done.
    const goOn = required === 'm-password' && phone && to.name !== 'm-home'
    return goOn ? { name: required, query: { redirect: to.fullPath } } : { name: required }
  }
  // Workers use the phone pages, everyone else the admin pages.
  if (worker !== phone) return { path: worker ? '/m/' : '/' }
  // A page the user may not open looks like one that does not exist, as on the server.
  const denied = to.matched.some((record) => record.meta.permission && !auth.hasPermission(record.meta.permission))
  if (denied) return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') } }
  return true
})
