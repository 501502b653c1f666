import { reactive, ref } from 'vue'
import type { Page, PageQuery } from '@/api/http'
import { useApiError } from './useApiError'

/**
 * The state of a RuoYi-style list page: search form, rows, pagination, loading and error.
 * `fetch` receives the form's fields plus `page` and `page_size`. Only the latest request lands:
 * an older answer arriving late (fast typing, quick page changes) is dropped, and `loading` stays
 * true until the latest request has settled.
 */
export function usePagedList<T, Q extends object>(fetch: (query: Q & PageQuery) => Promise<Page<T>>, initial: Q) {
  const describeError = useApiError()
  const query = reactive({ ...initial }) as Q
  const rows = ref<T[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  const loading = ref(false)
  const error = ref('')
  /** Number of the latest request; an answer to any other is stale. */
  let latest = 0

  async function load() {
    const sequence = ++latest
    loading.value = true
    error.value = ''
    try {
      const result = await fetch({ ...query, page: page.value, page_size: pageSize.value })
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
    return search()
  }

  return { query, rows, total, page, pageSize, loading, error, load, search, reset }
}
