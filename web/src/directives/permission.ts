import type { Directive } from 'vue'
import { useAuthStore } from '@/stores/auth'

/** A permission string, or several of which the user needs any one. */
export type PermissionValue = string | string[]

function apply(el: HTMLElement, value: PermissionValue) {
  const auth = useAuthStore()
  const required = Array.isArray(value) ? value : [value]
  if (!required.some((permission) => auth.hasPermission(permission))) el.style.display = 'none'
}

/**
 * Hides an element unless the user holds the permission: `v-permission="'system:region:list'"`.
 * It only tidies the UI; the server checks every request.
 */
export const vPermission: Directive<HTMLElement, PermissionValue> = {
  mounted: (el, binding) => apply(el, binding.value),
  updated: (el, binding) => apply(el, binding.value),
}

declare module 'vue' {
  interface GlobalDirectives {
    vPermission: typeof vPermission
  }
}
