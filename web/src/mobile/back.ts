import { useRouter, type RouteLocationRaw } from 'vue-router'

/** The nav bar's back arrow: the page the worker came from, else `fallback` (a page opened from a link). */
export function useBack(fallback: RouteLocationRaw) {
  const router = useRouter()
  return () => {
    if (window.history.state?.back) router.back()
    else void router.replace(fallback)
  }
}
