import { http, saveBlob, type Page, type PageQuery } from './http'

/** Dictionary `inspection_status`: 待抽取 → 已抽取 → 已公示. */
export type PlanStatus = 'planned' | 'drawn' | 'published'
/** Dictionary `inspection_result`. */
export type InspectionResult = 'no_issue' | 'rectify' | 'case_opened' | 'unreachable'

export interface OrgFilter {
  region_code?: string
  org_type?: string
  category?: string
}

export interface Conflict {
  inspector_id: number
  uscc: string
}

export interface Selection {
  uscc: string
  /** In the order drawn. */
  inspector_ids: number[]
}

/** 民发〔2017〕45号's rate for the planning unit's level (county 3 %, city 4 %, province 5 %, nation 10 %). */
export interface SamplingHint {
  level: 'nation' | 'province' | 'city' | 'county'
  percent: number
  suggested_sample_size: number
}

export interface PlanSummary {
  id: number
  name: string
  status: PlanStatus
  unit_id: number
  unit_name: string
  inspector_unit_id: number
  inspector_unit_name: string
  sample_size: number
  inspectors_per_team: number
  org_filter: OrgFilter
  org_pool_size: number
  inspector_pool_size: number
  seed_commitment: string
  /** Hex; null until the draw reveals it. */
  seed: string | null
  drawn_at: string | null
  published_at: string | null
  created_at: string
  updated_at: string
}

/** One drawn organisation with its team and result. */
export interface Outcome {
  position: number
  uscc: string
  org_id: number | null
  org_name: string
  inspector_ids: number[]
  inspector_names: string[]
  result: InspectionResult | null
  findings: string
  recorded_by_user_id: number | null
  recorded_at: string | null
}

export interface PlanDetail extends PlanSummary {
  /** USCC ascending, as frozen at creation. */
  org_pool: string[]
  /** User ids ascending. */
  inspector_pool: number[]
  /** By (inspector_id, uscc): the plan's plus standing declarations. */
  conflicts: Conflict[]
  /** Draw order; empty until drawn. */
  selections: Selection[]
  sampling_hint: SamplingHint
  suggested_sample_size: number
  outcomes: Outcome[]
}

export interface PlanCreate {
  name: string
  sample_size: number
  inspectors_per_team: number
  org_filter: OrgFilter
  inspector_unit_id: number
  conflicts?: Conflict[]
}

export interface PlanQuery extends PageQuery {
  status?: PlanStatus | ''
  q?: string
}

export interface PoolPreview {
  org_count: number
  inspector_count: number
  sampling_hint: SamplingHint
}

/** An organisation the caller's team inspects. */
export interface Assignment extends Outcome {
  plan_id: number
  plan_name: string
  plan_status: PlanStatus
}

/** `GET /api/public/inspections/{id}`: SPEC §5.2's fields, then additions. */
export interface PublicDraw {
  plan_id: number
  name: string
  seed_commitment: string
  seed: string | null
  org_pool: string[]
  inspector_pool: number[]
  conflicts: Conflict[]
  sample_size: number
  inspectors_per_team: number
  selections: Selection[]
  status: PlanStatus
  unit_name: string
  drawn_at: string | null
  published_at: string | null
  /** USCC → name, of the drawn organisations. */
  org_names: Record<string, string>
  /** Draw order, once published; null before. */
  results: { uscc: string; result: InspectionResult | null; findings: string }[] | null
}

export interface UserConflict {
  id: number
  user_id: number
  uscc: string
  org_name: string
  created_by_user_id: number
  created_at: string
}

const base = '/api/v1/inspections'

export const listPlans = (query: PlanQuery = {}) => http.get<Page<PlanSummary>>(`${base}/plans`, { ...query })
/** Outside the caller's scope → 404. */
export const getPlan = (id: number) => http.get<PlanDetail>(`${base}/plans/${id}`)
/** Fields → 422 (every one at once). */
export const createPlan = (body: PlanCreate) => http.post<PlanDetail>(`${base}/plans`, body)
export const previewPool = (filter: OrgFilter, inspectorUnitId?: number) =>
  http.get<PoolPreview>(`${base}/pool-preview`, { ...filter, inspector_unit_id: inspectorUnitId })
/** Drawn already → 409; pools too small → 422, nothing drawn. */
export const drawPlan = (id: number) => http.post<PlanDetail>(`${base}/plans/${id}/draw`, {})
/** A result missing → 422. */
export const publishPlan = (id: number) => http.post<PlanDetail>(`${base}/plans/${id}/publish`, {})
/** Only by an inspector of that organisation's team; after publication → 409. */
export const recordResult = (planId: number, uscc: string, result: InspectionResult, findings: string) =>
  http.put<Outcome>(`${base}/${planId}/results/${uscc}`, { result, findings })
/** One page of the caller's assignments (only 待检查 when `pending`); `pending` counts all of those. */
export const listAssignments = (pending = false, page = 1, page_size = 20) =>
  http.get<Page<Assignment> & { pending: number }>(`${base}/assignments`, {
    ...(pending ? { pending: 'true' } : {}),
    page,
    page_size,
  })
export const declareConflict = (userId: number, uscc: string) =>
  http.post<UserConflict>(`/api/v1/users/${userId}/conflicts`, { uscc })
export const listConflicts = (userId: number) =>
  http.get<{ items: UserConflict[] }>(`/api/v1/users/${userId}/conflicts`)

/** One entry of the public index of draws. */
export interface PublicDrawSummary {
  plan_id: number
  name: string
  unit_name: string
  status: PlanStatus
  sample_size: number
  org_pool_size: number
  drawn_at: string | null
  published_at: string | null
}

/** Every drawn plan, newest draw first; no session needed. */
export const listPublicDraws = (query: PageQuery = {}) =>
  http.get<Page<PublicDrawSummary>>('/api/public/inspections', { ...query }, true)
/** No session needed. */
export const getPublicDraw = (id: number) => http.get<PublicDraw>(`/api/public/inspections/${id}`, undefined, true)
/** The answer exactly as served, for `lianyin verify-draw FILE`. */
export async function downloadPublicDraw(id: number): Promise<void> {
  const response = await fetch(`/api/public/inspections/${id}`)
  saveBlob(await response.blob(), `inspection-${id}.json`)
}
