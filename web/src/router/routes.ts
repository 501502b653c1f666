import type { RouteRecordRaw } from 'vue-router'
import { HomeFilled, Location, Setting } from '@element-plus/icons-vue'
import AppLayout from '@/components/layout/AppLayout.vue'

/**
 * Pages inside the main layout. The side menu is built from this table: a route with
 * `meta.titleKey` and `meta.icon` becomes an entry, shown only when the user holds
 * `meta.permission`; a route with children becomes a submenu. Adding a page = adding a route here.
 */
export const layoutChildren: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('@/views/home/index.vue'),
    meta: { titleKey: 'menu.home', icon: HomeFilled },
  },
  {
    path: 'system',
    redirect: { name: 'system-regions' },
    meta: { titleKey: 'menu.system', icon: Setting },
    children: [
      {
        path: 'regions',
        name: 'system-regions',
        component: () => import('@/views/system/regions/index.vue'),
        meta: { titleKey: 'menu.regions', icon: Location, permission: 'system:region:list' },
      },
    ],
  },
]

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/index.vue'),
    meta: { public: true },
  },
  { path: '/', component: AppLayout, children: layoutChildren },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/404.vue'),
    meta: { public: true },
  },
]
