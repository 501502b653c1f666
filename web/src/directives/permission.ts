import { shallowRef, watchEffect, type Directive, type ShallowRef } from 'vue'
import { useAuthStore } from '@/stores/auth'

/** A permission string, or several of which the user needs any one. */
export type PermissionValue = string | string[]

interface BoundState {
  value: ShallowRef<PermissionValue>
  /** The element's own inline `display` from before the directive touched it. */
  display: string
  stop: () => void
}

const states = new WeakMap<HTMLElement, BoundState>()

function permitted(value: PermissionValue): boolean {
  const auth = useAuthStore()
  const required = Array.isArray(value) ? value : [value]
  return required.some((permission) => auth.hasPermission(permission))
}

function render(el: HTMLElement, state: BoundState) {
  el.style.display = permitted(state.value.value) ? state.display : 'none'
}

/**
 * Hides an element unless the user holds the permission: `v-permission="'system:region:list'"`.
 * It follows both the bound value and the session's permissions (another login, a refreshed
 * session) and shows the element again with its original `display` once the permission is held.
 * It only tidies the UI; the server checks every request.
 */
export const vPermission: Directive<HTMLElement, PermissionValue> = {
  mounted(el, binding) {
    const state: BoundState = { value: shallowRef(binding.value), display: el.style.display, stop: () => {} }
    states.set(el, state)
    // Re-runs whenever the bound value or the store's permissions change.
    state.stop = watchEffect(() => render(el, state))
  },
  updated(el, binding) {
    const state = states.get(el)
    if (!state) return
    state.value.value = binding.value
    // A re-render may have patched the inline style; apply the current answer again.
    render(el, state)
  },
  unmounted(el) {
    states.get(el)?.stop()
    states.delete(el)
  },
}

declare module 'vue' {
  interface GlobalDirectives {
    vPermission: typeof vPermission
  }
}
