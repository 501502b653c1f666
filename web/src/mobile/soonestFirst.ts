import type { Page } from '@/api/http'

type FetchPage<T> = (page: number, pageSize: number) => Promise<Page<T>>

/**
 * The pages of a list the server sorts latest start first (`GET /events`), soonest first: page 1
 * is the server's last page reversed, page 2 the one before, and so on. The first call reads the
 * server's first page to learn the total (enough when everything fits on it); each further call is
 * one request. Pre: the same `pageSize` for every page of one list, and page 1 first after a reset
 * (as useInfiniteList asks). An event added meanwhile shifts the pages, as with any offset paging.
 */
export function soonestFirst<T>(fetchPage: FetchPage<T>): FetchPage<T> {
  let pages = 0
  let total = 0
  let generation = 0
  const reversed = (page: Page<T>, number: number): Page<T> => ({ ...page, page: number, items: [...page.items].reverse() })

  return async (page, pageSize) => {
    if (page === 1) {
      const mine = ++generation
      const first = await fetchPage(1, pageSize)
      const count = Math.max(1, Math.ceil(first.total / pageSize))
      if (mine === generation) {
        pages = count
        total = first.total
      }
      if (count === 1) return reversed(first, 1)
      return reversed(await fetchPage(count, pageSize), 1)
    }
    const serverPage = pages - page + 1
    if (serverPage < 1) return { items: [], total, page, page_size: pageSize }
    return reversed(await fetchPage(serverPage, pageSize), page)
  }
}
