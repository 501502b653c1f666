import { onBeforeUnmount, ref } from 'vue'

/** Below this width (px) pages lay out for a phone: the menu is a drawer, forms one column. */
export const kNarrowWidth = 768

/** True while the viewport is narrower than kNarrowWidth; follows resizes and rotation. */
export function useNarrow() {
  const query = window.matchMedia(`(max-width: ${kNarrowWidth - 1}px)`)
  const narrow = ref(query.matches)
  const update = (event: MediaQueryListEvent) => (narrow.value = event.matches)
  query.addEventListener('change', update)
  onBeforeUnmount(() => query.removeEventListener('change', update))
  return narrow
}
