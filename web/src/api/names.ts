import { http, type Page } from './http'
import type { Region } from './regions'

/** A unit's name for an id shown to people. */
export interface UnitName {
  id: number
  name: string
  parent_name: string | null
}

/** The units of `ids` (at most 100) in the caller's scope; any logged-in user. */
export const listUnitNames = (ids: number[]) =>
  http.get<Page<UnitName>>('/api/v1/units/names', { ids: ids.join(',') })

/** The regions of `codes` (at most 100) that exist. */
export const listRegionsByCode = (codes: string[]) =>
  http.get<Page<Region>>('/api/v1/regions', { codes: codes.join(',') })
