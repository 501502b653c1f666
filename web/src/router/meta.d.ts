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
    /** Reachable without a session. */
    public?: boolean
  }
}
