import { http, type Page } from './http'

export type { Page }

/** A GB/T 2260 administrative division; level 0 is the nation, 1 province, 2 city, 3 county. */
export interface Region {
  code: string
  name: string
  level: number
  parent_code: string | null
  has_children: boolean
}

export interface RegionDetail extends Omit<Region, 'has_children'> {
  /** From the nation down to this region. */
  path: Pick<Region, 'code' | 'name'>[]
}

const base = '/api/v1/regions'

/** One page of the children of `parent`; without a parent, the provinces. */
export const listRegions = (parent?: string, page?: number) =>
  http.get<Page<Region>>(base, { parent, page })

/** All children of `parent`, following pages if the server pages them. */
export async function listAllRegions(parent?: string): Promise<Region[]> {
  const first = await listRegions(parent)
  const items = [...first.items]
  for (let page = 2; items.length < first.total && first.items.length > 0; page++) {
    const next = await listRegions(parent, page)
    if (next.items.length === 0) break
    items.push(...next.items)
  }
  return items
}

export const getRegion = (code: string) => http.get<RegionDetail>(`${base}/${encodeURIComponent(code)}`)
