import type { RouteRecordRaw } from 'vue-router'
import { mobileRoutes } from '@/mobile/routes'
import { layoutChildren } from './layoutRoutes'

/**
 * The whole route table: public pages, the workers' phone pages under /m/, then the layout with
 * `layoutChildren`, then 404. The layout is loaded lazily, like every page: the phone pages load
 * none of the admin frame (nor Element Plus).
 */
export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/index.vue'),
    meta: { public: true },
  },
  {
    path: '/public/orgs',
    name: 'public-orgs',
    component: () => import('@/views/public/orgs.vue'),
    meta: { public: true, titleKey: 'publicOrgs.title' },
  },
  {
    path: '/public/excellent-projects',
    name: 'public-excellent',
    component: () => import('@/views/public/excellent.vue'),
    meta: { public: true, titleKey: 'publicExcellent.title' },
  },
  {
    path: '/public/inspections',
    name: 'public-inspections',
    component: () => import('@/views/public/inspections.vue'),
    meta: { public: true, titleKey: 'inspections.menuPublic' },
  },
  {
    path: '/public/inspections/:id(\\d+)',
    name: 'public-inspection',
    component: () => import('@/views/public/inspection.vue'),
    meta: { public: true, titleKey: 'inspections.publicTitle' },
  },
  // The venue's check-in screen: full-screen, outside the layout (docs/api.md "The rotating code").
  {
    path: '/events/:id(\\d+)/screen',
    name: 'event-screen',
    component: () => import('@/views/events/screen.vue'),
    meta: { titleKey: 'menu.eventScreen', permission: 'event:event:edit' },
  },
  mobileRoutes,
  { path: '/', component: () => import('@/components/layout/AppLayout.vue'), children: layoutChildren },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/404.vue'),
    meta: { public: true },
  },
]
