import { reactive, ref } from 'vue'
import type { Page, PageQuery } from '@/api/http'
import { useApiError } from './useApiError'

/**
 * The state of a RuoYi-style list page: search form, rows, pagination, loading and error.
 * `fetch` receives the form's fields plus `page` and `page_size`.
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

  async function load() {
    loading.value = true
    error.value = ''
    try {
      const result = await fetch({ ...query, page: page.value, page_size: pageSize.value })
      rows.value = result.items
      total.value = result.total
    } catch (cause) {
      error.value = describeError(cause)
    } finally {
      loading.value = false
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
