import type { RouteRecordRaw } from 'vue-router'

/**
 * The workers' phone pages (issue #11, Vant, 375 px first): sign-in and first-time activation,
 * the forced or chosen password change, and behind the tab bar the home page, events near me
 * and an event's page (sign up, waiting list, cancel), my events, the check-in (the QR code's
 * link `/m/checkin?event=&token=`, or the six-digit code), services near me, posting a demand,
 * my demands, my account and its roster entry. Every page is its own chunk and loads only Vant
 * (the router guard keeps workers here and everyone else on the admin pages; signed out, it
 * sends a page to the sign-in, which comes back to it with its query).
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
        { path: 'events', name: 'm-events', component: () => import('./pages/EventsPage.vue') },
        { path: 'events/:id(\\d+)', name: 'm-event', component: () => import('./pages/EventPage.vue') },
        { path: 'my-events', name: 'm-my-events', component: () => import('./pages/MyEventsPage.vue') },
        { path: 'checkin', name: 'm-checkin', component: () => import('./pages/CheckinPage.vue') },
        { path: 'services', name: 'm-services', component: () => import('./pages/ServicesPage.vue') },
        { path: 'demands', name: 'm-demands', component: () => import('./pages/DemandsPage.vue') },
        { path: 'demands/new', name: 'm-demand-new', component: () => import('./pages/DemandNewPage.vue') },
        { path: 'me', name: 'm-me', component: () => import('./pages/MePage.vue') },
        { path: 'me/profile', name: 'm-profile', component: () => import('./pages/ProfilePage.vue') },
      ],
    },
    { path: ':pathMatch(.*)*', redirect: { name: 'm-home' } },
  ],
}
