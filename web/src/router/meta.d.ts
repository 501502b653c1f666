import type { Component } from 'vue'
import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title, used by the menu and the breadcrumb. */
    titleKey?: string
    /** Menu icon; routes without one stay out of the menu. */
    icon?: Component
    /** `area:resource:action` the user must hold to see the menu entry and open the page. */
    permission?: string
    /** Menu entry to highlight for a page that has none of its own (e.g. a detail page). */
    activeMenu?: string
    /** The list page (route name) a page is reached from: the breadcrumb shows it before the page. */
    parent?: string
    /** Reachable without a session. */
    public?: boolean
    /** A phone page (src/mobile, Vant): rendered outside the Element Plus shell. */
    mobile?: boolean
  }
}
