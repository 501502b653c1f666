import { ref, shallowRef } from 'vue'
import type { Page } from '@/api/http'

/**
 * The state of a Vant List under a PullRefresh: `load` (the List's @load) fetches the next page,
 * `refresh` starts again from the first (a pull, or a changed filter). An answer for a list that
 * was reset meanwhile is dropped, so a quick change of filters never mixes two lists.
 */
export function useInfiniteList<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>, pageSize = 10) {
  const items = shallowRef<T[]>([])
  const loading = ref(false)
  const finished = ref(false)
  const failed = ref(false)
  const refreshing = ref(false)
  const total = ref(0)
  let page = 0
  let generation = 0

  async function load() {
    const mine = generation
    loading.value = true
    try {
      const next = await fetchPage(page + 1, pageSize)
      if (mine !== generation) return
      page += 1
      items.value = [...items.value, ...next.items]
      total.value = next.total
      finished.value = items.value.length >= next.total || next.items.length === 0
    } catch {
      if (mine === generation) failed.value = true
    } finally {
      if (mine === generation) {
        loading.value = false
        refreshing.value = false
      }
    }
  }

  function refresh() {
    generation += 1
    page = 0
    items.value = []
    finished.value = false
    failed.value = false
    return load()
  }

  return { items, loading, finished, failed, refreshing, total, load, refresh }
}
