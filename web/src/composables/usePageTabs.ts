import { computed, nextTick, reactive, ref } from 'vue'
import type { RouteLocationNormalizedLoaded, Router } from 'vue-router'

/** An opened page (多页签): one per path, remembering the full URL it was last shown at. */
export interface PageTab {
  path: string
  fullPath: string
  /** The route's name: keep-alive keeps a page whose component bears it (`defineOptions`). */
  name: string
  titleKey: string
  /** Shown after the title, e.g. an organisation's id on its detail page. */
  suffix: string
  /** The home tab cannot be closed. */
  affix: boolean
}

const kStorageKey = 'lianyin.tabs'
const kHomePath = '/'

function restore(): PageTab[] {
  try {
    const raw = JSON.parse(sessionStorage.getItem(kStorageKey) ?? '[]') as PageTab[]
    return Array.isArray(raw) ? raw.filter((t) => typeof t?.path === 'string' && typeof t.fullPath === 'string') : []
  } catch {
    return []
  }
}

/** Module state: one tab bar per browser tab, kept in sessionStorage across reloads. */
const tabs = ref<PageTab[]>(restore())
/** Per path, bumped to rebuild that page (the refresh action). */
const generations = reactive(new Map<string, number>())
/** Names dropped from the cache for one tick while their page is rebuilt. */
const rebuilding = ref(new Set<string>())

function save() {
  sessionStorage.setItem(kStorageKey, JSON.stringify(tabs.value))
}

/**
 * The tab bar above the content (like RuoYi's TagsView): every page of the layout that has a
 * title opens a tab; switching tabs keeps each list page's state (its component stays alive
 * while its tab is open, and the tab returns to the URL it was last at); close, close others,
 * close all, and refresh (a fresh instance of the page).
 */
export function usePageTabs() {
  /** Opens or updates the tab of `route` (called on every navigation inside the layout). */
  function visit(route: RouteLocationNormalizedLoaded) {
    const titleKey = route.meta.titleKey
    if (!titleKey || route.meta.public) return
    const name = typeof route.name === 'string' ? route.name : route.path
    const suffix = typeof route.params.id === 'string' ? route.params.id : ''
    const tab: PageTab = { path: route.path, fullPath: route.fullPath, name, titleKey, suffix, affix: route.path === kHomePath }
    const at = tabs.value.findIndex((t) => t.path === route.path)
    if (at >= 0) tabs.value.splice(at, 1, tab)
    else tabs.value.push(tab)
    save()
  }

  /** Where to go after closing `closing` while it is shown: its right neighbour, else its left. */
  function neighbour(closing: number): PageTab | undefined {
    return tabs.value[closing + 1] ?? tabs.value[closing - 1]
  }

  async function close(router: Router, path: string, activePath: string) {
    const at = tabs.value.findIndex((t) => t.path === path)
    if (at < 0 || tabs.value[at].affix) return
    const next = path === activePath ? neighbour(at) : undefined
    tabs.value.splice(at, 1)
    save()
    if (path === activePath) await router.push(next?.fullPath ?? kHomePath)
  }

  async function closeOthers(router: Router, path: string) {
    tabs.value = tabs.value.filter((t) => t.affix || t.path === path)
    save()
    const kept = tabs.value.find((t) => t.path === path)
    if (kept) await router.push(kept.fullPath)
  }

  async function closeAll(router: Router) {
    tabs.value = tabs.value.filter((t) => t.affix)
    save()
    await router.push(kHomePath)
  }

  /** Rebuilds the page at `path`: its cached instance is dropped and a new one mounted. */
  async function refresh(name: string, path: string) {
    rebuilding.value = new Set([...rebuilding.value, name])
    await nextTick()
    generations.set(path, (generations.get(path) ?? 0) + 1)
    const still = new Set(rebuilding.value)
    still.delete(name)
    rebuilding.value = still
  }

  /** Component names keep-alive keeps: the open tabs' pages. */
  const cached = computed(() => [...new Set(tabs.value.map((t) => t.name))].filter((n) => !rebuilding.value.has(n)))

  /** The key of a page's view: a new one after a refresh; the same across query changes. */
  const viewKey = (route: RouteLocationNormalizedLoaded) => `${route.path}#${generations.get(route.path) ?? 0}`

  /** The last URL of the open tab at `path`, if one is open (menus and breadcrumbs return there). */
  const lastUrl = (path: string) => tabs.value.find((t) => t.path === path)?.fullPath

  /** Forgets every tab (logging out: the next user starts afresh). */
  function forget() {
    tabs.value = []
    sessionStorage.removeItem(kStorageKey)
  }

  return { tabs, visit, close, closeOthers, closeAll, refresh, forget, cached, viewKey, lastUrl }
}
