import type { RouteLocationNormalizedLoaded } from 'vue-router'

/**
 * Where the sign-in (or an activation begun from it, or the forced password change) goes on: the `redirect` query the router
 * guard set (e.g. the check-in link `/m/checkin?event=…&token=…`, query and all), else /m/. Only
 * phone pages of this site, so a crafted link cannot send the worker elsewhere.
 */
export function phoneRedirect(route: RouteLocationNormalizedLoaded): string {
  const redirect = route.query.redirect
  return typeof redirect === 'string' && redirect.startsWith('/m') && !redirect.startsWith('/m/login') ? redirect : '/m/'
}
