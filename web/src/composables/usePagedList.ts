import { nextTick, onActivated, reactive, ref } from 'vue'
import type { Page, PageQuery } from '@/api/http'
import { useApiError } from './useApiError'
import { useListRoute, type ListState } from './useListRoute'

export interface PagedListOptions {
  /** The server's order when the page names none (`sort` is sent only when it differs). */
  defaultSort?: string
  pageSize?: number
}

/** What `el-table`'s `sort-change` reports. */
export interface TableSort {
  prop: string | null
  order: 'ascending' | 'descending' | null
}

/**
 * The state of a RuoYi-style list page: search form, rows, pagination, sort, loading and error,
 * all of it but the rows kept in the URL (useListRoute): a reload or the back button shows the
 * same page of the same search. `fetch` receives the form's fields plus `page`, `page_size` and,
 * when not the default, `sort` (`name`, `-name`: a column's sort key, '-' for descending). Only
 * the latest request lands: an older answer arriving late (fast typing, quick page changes) is
 * dropped, and `loading` stays true until the latest request has settled. A page kept alive in
 * its tab loads its rows again, with the same state, each time it is shown again.
 */
export function usePagedList<T, Q extends object>(
  fetch: (query: Q & PageQuery & { sort?: string }) => Promise<Page<T>>,
  initial: Q,
  options: PagedListOptions = {},
) {
  const describeError = useApiError()
  const defaults: ListState<Q> = {
    query: { ...initial },
    page: 1,
    pageSize: options.pageSize ?? 20,
    sort: options.defaultSort ?? '',
  }
  /** True from a load for a new URL until the page has been shown with it. */
  let loadedForUrl = false
  const url = useListRoute(defaults, (state) => {
    apply(state)
    void load()
    loadedForUrl = true
    void nextTick(() => (loadedForUrl = false))
  })
  const query = reactive({ ...initial }) as Q
  const rows = ref<T[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(defaults.pageSize)
  const sort = ref(defaults.sort)
  const loading = ref(false)
  const error = ref('')
  /** Number of the latest request; an answer to any other is stale. */
  let latest = 0

  function apply(state: ListState<Q>) {
    Object.assign(query, state.query)
    page.value = state.page
    pageSize.value = state.pageSize
    sort.value = state.sort
  }
  apply(url.read())

  async function load() {
    const sequence = ++latest
    loading.value = true
    error.value = ''
    url.write({ query: { ...query }, page: page.value, pageSize: pageSize.value, sort: sort.value })
    try {
      const extra = sort.value && sort.value !== defaults.sort ? { sort: sort.value } : {}
      const result = await fetch({ ...query, page: page.value, page_size: pageSize.value, ...extra })
      if (sequence !== latest) return
      rows.value = result.items
      total.value = result.total
    } catch (cause) {
      if (sequence !== latest) return
      error.value = describeError(cause)
    } finally {
      if (sequence === latest) loading.value = false
    }
  }

  function search() {
    page.value = 1
    return load()
  }

  function reset() {
    Object.assign(query, initial)
    sort.value = defaults.sort
    return search()
  }

  /** For `el-table`'s `@sort-change`: a column's `prop` is its server sort key. */
  function sortBy({ prop, order }: TableSort) {
    sort.value = prop && order ? (order === 'descending' ? `-${prop}` : prop) : defaults.sort
    return search()
  }

  /** For `el-table`'s `:default-sort`: the column the current sort names. */
  function tableSort(): { prop: string; order: 'ascending' | 'descending' } | undefined {
    if (!sort.value || sort.value === defaults.sort) return undefined
    const descending = sort.value.startsWith('-')
    return { prop: descending ? sort.value.slice(1) : sort.value, order: descending ? 'descending' : 'ascending' }
  }

  // Shown again from its tab (kept alive): the same search, page and sort, with fresh rows, since
  // other pages may have changed them meanwhile; unless a link with other filters brought it
  // back and they are loading already. (The first activation is the mount itself.)
  let shownBefore = false
  onActivated(() => {
    if (shownBefore && !loadedForUrl) void load()
    shownBefore = true
  })

  /** The 序号 of the row at `index` of this page, counting on across pages. */
  const rowNumber = (index: number) => (page.value - 1) * pageSize.value + index + 1

  return { query, rows, total, page, pageSize, sort, loading, error, load, search, reset, sortBy, tableSort, rowNumber }
}
