import { watch } from 'vue'
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router'

/** A list page's state as its URL carries it: the search form's fields, page, page size, sort. */
export interface ListState<Q> {
  query: Q
  page: number
  pageSize: number
  sort: string
}

type Field = string | number | boolean | string[] | null | undefined

/** A field as URL text: nothing for an empty value, repeated keys for an array. */
function encode(value: Field): string | string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (Array.isArray(value)) return value.length ? value.map(String) : undefined
  return String(value)
}

/** URL text back to the type of the field's default (a number for a default-less id filter). */
function decode(raw: LocationQuery[string], initial: Field): Field {
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string')
  if (values.length === 0) return initial
  if (Array.isArray(initial) || initial === null) return values
  const text = values[0]
  if (typeof initial === 'number' || (initial === undefined && /^\d+$/.test(text))) {
    const n = Number(text)
    return Number.isFinite(n) ? n : initial
  }
  if (typeof initial === 'boolean') return text === 'true'
  return text
}

function positive(raw: LocationQuery[string], fallback: number): number {
  const n = typeof raw === 'string' ? Number(raw) : NaN
  return Number.isInteger(n) && n > 0 ? n : fallback
}

/**
 * Keeps a list page's state in its URL query so that a reload, the browser's back button and a
 * shared link show the same rows: `read()` is the state the current URL names (defaults for
 * what it omits), `write(state)` replaces the URL (no history entry) with the state, defaults
 * omitted. `onExternalChange` runs when the page's own URL changes by anything but `write`
 * (a menu entry or link to the page with other filters) while the page is shown; a page kept
 * alive in a tab ignores other pages' routes.
 */
export function useListRoute<Q extends object>(defaults: ListState<Q>, onExternalChange: (state: ListState<Q>) => void) {
  const route = useRoute()
  const router = useRouter()
  const ownName = route.name

  function read(query: LocationQuery = route.query): ListState<Q> {
    const fields = { ...defaults.query } as Record<string, Field>
    for (const key of Object.keys(fields)) {
      if (key in query) fields[key] = decode(query[key], fields[key])
    }
    return {
      query: fields as Q,
      page: positive(query.page, defaults.page),
      pageSize: positive(query.page_size, defaults.pageSize),
      sort: typeof query.sort === 'string' && query.sort ? query.sort : defaults.sort,
    }
  }

  function toQuery(state: ListState<Q>): LocationQueryRaw {
    const out: LocationQueryRaw = {}
    const initial = defaults.query as Record<string, Field>
    for (const [key, value] of Object.entries(state.query as Record<string, Field>)) {
      const text = encode(value)
      if (text !== undefined && JSON.stringify(text) !== JSON.stringify(encode(initial[key]))) out[key] = text
    }
    if (state.page !== defaults.page) out.page = String(state.page)
    if (state.pageSize !== defaults.pageSize) out.page_size = String(state.pageSize)
    if (state.sort !== defaults.sort) out.sort = state.sort
    return out
  }

  /** The same query, compared as text. */
  const same = (a: LocationQueryRaw | LocationQuery, b: LocationQueryRaw | LocationQuery) =>
    JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort()) &&
    Object.keys(a).length === Object.keys(b).length

  let written: LocationQueryRaw | null = null

  function write(state: ListState<Q>) {
    const query = toQuery(state)
    written = query
    if (route.name !== ownName || same(query, route.query)) return
    void router.replace({ query })
  }

  watch(
    () => route.query,
    (query) => {
      if (route.name !== ownName) return
      if (written && same(written, query)) return
      onExternalChange(read(query))
    },
  )

  return { read, write }
}
