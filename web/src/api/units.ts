import { http, type Page, type PageQuery } from './http'

export type UnitKind = 'union' | 'civil_affairs' | 'other'

export interface Unit {
  id: number
  name: string
  kind: UnitKind
  region_code: string
  region_name: string
  parent_id: number | null
  /** Tells same-named units apart (雁塔区总工会 of 西安市总工会); null for the root. */
  parent_name: string | null
  /** 工会联系引导社会组织工作领导小组 established on (`YYYY-MM-DD`). */
  leading_group_established_on: string | null
  has_children: boolean
  created_at: string
  updated_at: string
}

export interface UnitQuery extends PageQuery {
  parent_id?: number
  q?: string
  kind?: UnitKind | ''
}

export interface UnitCreate {
  name: string
  kind: UnitKind
  region_code: string
  parent_id: number
  leading_group_established_on?: string | null
}

export type UnitUpdate = Partial<Pick<Unit, 'name' | 'region_code' | 'leading_group_established_on'>>

const base = '/api/v1/units'

/** Units in scope; without `parent_id` and `q`, the caller's own unit. */
export const listUnits = (query: UnitQuery = {}) => http.get<Page<Unit>>(base, { ...query })

/** All children of `parent_id`, following pages. */
export async function listAllChildUnits(parent_id: number): Promise<Unit[]> {
  const items: Unit[] = []
  for (let page = 1; ; page++) {
    const next = await listUnits({ parent_id, page, page_size: 200 })
    items.push(...next.items)
    if (next.items.length === 0 || items.length >= next.total) return items
  }
}

export const getUnit = (id: number) => http.get<Unit>(`${base}/${id}`)
export const createUnit = (body: UnitCreate) => http.post<Unit>(base, body)
export const updateUnit = (id: number, body: UnitUpdate) => http.patch<Unit>(`${base}/${id}`, body)
/** Into its own subtree → 409. */
export const moveUnit = (id: number, parent_id: number) => http.post<Unit>(`${base}/${id}/move`, { parent_id })
/** With children or users → 409. */
export const deleteUnit = (id: number) => http.delete<unknown>(`${base}/${id}`)
