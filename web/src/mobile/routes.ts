import type { RouteRecordRaw } from 'vue-router'

/**
 * The workers' phone pages (issue #11, Vant, 375 px first): sign-in and first-time activation,
 * the forced or chosen password change, and behind the tab bar the home page, services near me,
 * posting a demand, my demands and my account. Every page is its own chunk and loads only Vant
 * (the router guard keeps workers here and everyone else on the admin pages).
 *
 * The events pages (browse, sign up, my events, check in) join the tab bar's children when the
 * events API lands: the home tab is 首页/活动 for them.
 */
export const mobileRoutes: RouteRecordRaw = {
  path: '/m',
  component: () => import('./MobileRoot.vue'),
  meta: { mobile: true },
  children: [
    { path: 'login', name: 'm-login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    {
      path: 'activate',
      name: 'm-activate',
      component: () => import('./pages/ActivatePage.vue'),
      meta: { public: true },
    },
    { path: 'password', name: 'm-password', component: () => import('./pages/PasswordPage.vue') },
    {
      path: '',
      component: () => import('./TabsLayout.vue'),
      children: [
        { path: '', name: 'm-home', component: () => import('./pages/HomePage.vue') },
        { path: 'services', name: 'm-services', component: () => import('./pages/ServicesPage.vue') },
        { path: 'demands', name: 'm-demands', component: () => import('./pages/DemandsPage.vue') },
        { path: 'demands/new', name: 'm-demand-new', component: () => import('./pages/DemandNewPage.vue') },
        { path: 'me', name: 'm-me', component: () => import('./pages/MePage.vue') },
      ],
    },
    { path: ':pathMatch(.*)*', redirect: { name: 'm-home' } },
  ],
}
