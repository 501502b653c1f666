import { createRouter, createWebHistory } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { routes } from './routes'

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
})

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  if (!auth.restored) await auth.restore()

  if (to.name === 'login' && auth.loggedIn) return { path: '/' }
  if (to.meta.public) return true
  if (!auth.loggedIn) return { name: 'login', query: { redirect: to.fullPath } }
  // A page the user may not open looks like one that does not exist, as on the server.
  const denied = to.matched.some((record) => record.meta.permission && !auth.hasPermission(record.meta.permission))
  if (denied) return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') } }
  return true
})
