import type { EventCreate, LyEvent } from './events'
import { http, type Page, type PageQuery } from './http'
import type { ServiceCategory } from './orgs'

/**
 * 资源清单与需求清单精准对接 (SPEC §4, §5.1; docs/api.md "Demands, resources and matching").
 * Dictionary `listing_status`: demands and resources share one lifecycle; `open → partly_matched →
 * matched` follows the accepted headcount, `closed` is reopenable, `withdrawn` final.
 */
export type ListingStatus = 'open' | 'partly_matched' | 'matched' | 'closed' | 'withdrawn'
/** Dictionary `match_status`. */
export type MatchStatus = 'proposed' | 'accepted' | 'rejected' | 'in_service' | 'done' | 'rated' | 'withdrawn'
/** Dictionary `unmatched_reason`: the binding constraint of a demand left short. */
export type UnmatchedReason = 'no_compatible_resource' | 'window' | 'capacity_exhausted'
/** `POST /demands/{id}/transitions` and `/resources/{id}/transitions` targets. */
export type ListingTarget = 'closed' | 'open' | 'withdrawn'

/** Legal listing transitions from each status (docs/api.md). */
export const kListingTransitions: Record<ListingStatus, readonly ListingTarget[]> = {
  open: ['closed', 'withdrawn'],
  partly_matched: ['closed', 'withdrawn'],
  matched: ['closed', 'withdrawn'],
  closed: ['open', 'withdrawn'],
  withdrawn: [],
}
/** A listing may be edited unless closed or withdrawn (409). */
export const kListingEditable: readonly ListingStatus[] = ['open', 'partly_matched', 'matched']
/** Once anything is matched these fields stay (422). */
export const kMatchedLockedFields = ['category', 'region_code', 'region_codes', 'window_start', 'window_end'] as const

/** The steps `POST /matches/{id}/<step>` takes from each status. */
export type MatchStep = 'accept' | 'reject' | 'start' | 'complete' | 'withdraw'
export const kMatchSteps: Record<MatchStatus, readonly MatchStep[]> = {
  proposed: ['accept', 'reject'],
  accepted: ['start', 'withdraw'],
  rejected: [],
  in_service: ['complete'],
  done: [],
  rated: [],
  withdrawn: [],
}
/** Statuses a match may be made a project in (409 once linked). */
export const kProjectableStatuses: readonly MatchStatus[] = ['in_service', 'done', 'rated']

/** One line of an explanation: its text in the reader's language and the points it gave (none for a requirement). */
export interface MatchReason {
  text: string
  points: number | null
}

/** 需求清单 entry, owned by its (`union`) unit. */
export interface Demand {
  id: number
  title: string
  category: ServiceCategory
  region_code: string
  region_name: string
  headcount: number
  /** Headcount of its accepted (and later) matches. */
  matched: number
  remaining: number
  window_start: string
  window_end: string
  target_group: string | null
  description: string | null
  unit_id: number
  unit_name: string
  status: ListingStatus
  created_at: string
  updated_at: string
}

export interface DemandCreate {
  title: string
  category: ServiceCategory
  region_code: string
  headcount: number
  window_start: string
  window_end: string
  target_group?: string
  description?: string
  unit_id: number
}

/** Any field but `unit_id`; once matched the category, region and window stay and headcount ≥ matched (422). */
export type DemandUpdate = Partial<Omit<DemandCreate, 'unit_id' | 'target_group' | 'description'>> & {
  /** Empty clears. */
  target_group?: string
  description?: string
}

/** 资源清单 entry: what a registered organisation offers. */
export interface Resource {
  id: number
  org_id: number
  org_name: string
  /** 5A..1A, or null when ungraded. */
  org_grade: string | null
  title: string
  category: ServiceCategory
  region_codes: string[]
  capacity: number
  reserved: number
  remaining: number
  window_start: string
  window_end: string
  cost_per_person_fen: number
  description: string | null
  status: ListingStatus
  created_at: string
  updated_at: string
}

export interface ResourceCreate {
  org_id: number
  title: string
  category: ServiceCategory
  /** 1–50 known region codes. */
  region_codes: string[]
  capacity: number
  window_start: string
  window_end: string
  cost_per_person_fen: number
  description?: string
}

/** As for demands: `capacity` not below `reserved`. */
export type ResourceUpdate = Partial<Omit<ResourceCreate, 'org_id'>>

export interface ListingTransition {
  to: ListingTarget
  reason?: string
}

interface ListingQuery extends PageQuery {
  category?: ServiceCategory | ''
  status?: ListingStatus | ''
  region_code?: string
  /** Part of the title. */
  q?: string
  /** `true`: open or partly matched. */
  open?: 'true' | ''
}

export interface DemandQuery extends ListingQuery {
  /** The unit's subtree. */
  unit_id?: number
}

export interface ResourceQuery extends ListingQuery {
  org_id?: number
}

/** A compatible organisation left out for an active credit-list entry. */
export interface MatchExcluded {
  resource_id: number
  org_id: number
  org_name: string
  /** The credit entry, worded. */
  reason: string
}

export interface Recommendation {
  resource_id: number
  /** Out of 100, to 0.1. */
  score: number
  reasons: MatchReason[]
  resource: Resource
}

export interface Recommendations {
  demand_id: number
  items: Recommendation[]
  /** Compatible resources with room, before the limit. */
  candidates: number
  excluded: MatchExcluded[]
}

/** `POST /matching/runs`: the scope of a run; everything optional. */
export interface RunRequest {
  region_code?: string
  category?: ServiceCategory
  demand_ids?: number[]
  resource_ids?: number[]
}

/** The scope a run was asked for, as the server echoes it. */
export interface RunScope {
  region_code: string | null
  category: ServiceCategory | null
  demand_ids: number[]
  resource_ids: number[]
}

/** A proposal of a run, later a match (`GET /matches/{id}` carries more). */
export interface Assignment {
  id: number
  demand_id: number
  demand_title: string
  resource_id: number
  resource_title: string
  org_id: number
  org_name: string
  headcount: number
  cost_fen: number
  reasons: MatchReason[]
  status: MatchStatus
}

export interface Unmatched {
  demand_id: number
  demand_title: string
  /** Headcount left unmatched. */
  headcount: number
  reason: UnmatchedReason
}

/** A matching run as lists show it. */
export interface RunSummary {
  id: number
  /** The same as `id`. */
  run_id: number
  /** The creator's unit: the owner. */
  unit_id: number
  unit_name: string
  created_by: number | null
  created_by_name: string | null
  matched_headcount: number
  unmatched_headcount: number
  total_cost_fen: number
  demands_considered: number
  resources_considered: number
  arcs: number
  solve_ms: number
  /** Assignments still awaiting a decision. */
  proposed: number
  created_at: string
  request: RunScope
}

/** A run with its parts (`POST /matching/runs`, `GET /matching/runs/{id}`). */
export interface Run extends RunSummary {
  assignments: Assignment[]
  unmatched: Unmatched[]
  excluded: MatchExcluded[]
}

export interface RunDecision {
  /** Without it: every proposed one of the run. */
  match_ids?: number[]
  reason?: string
}

export interface Match {
  id: number
  run_id: number
  demand_id: number
  demand_title: string
  resource_id: number
  resource_title: string
  unit_id: number
  unit_name: string
  org_id: number
  org_name: string
  headcount: number
  cost_fen: number
  reasons: MatchReason[]
  status: MatchStatus
  rating: number | null
  rating_comment: string | null
  project_id: number | null
  /** The event made of it (`POST /matches/{id}/event`). */
  event_id: number | null
  decided_at: string | null
  created_at: string
  updated_at: string
}

export interface MatchQuery extends PageQuery {
  run_id?: number
  demand_id?: number
  resource_id?: number
  status?: MatchStatus | ''
}

/** `GET /matching/summary`: the workbench cards, in the caller's scope. */
export interface MatchingSummary {
  open_demands: number
  /** Headcount still to serve. */
  open_headcount: number
  proposals_to_review: number
  in_service: number
  /** Done, not rated. */
  to_rate: number
  open_resources: number
}

const demands = '/api/v1/demands'
const resources = '/api/v1/resources'
const runs = '/api/v1/matching/runs'
const matches = '/api/v1/matches'

/** Newest first, in the caller's scope. */
export const listDemands = (query: DemandQuery = {}) => http.get<Page<Demand>>(demands, { ...query })
export const getDemand = (id: number) => http.get<Demand>(`${demands}/${id}`)
export const createDemand = (body: DemandCreate) => http.post<Demand>(demands, body)
export const updateDemand = (id: number, body: DemandUpdate) => http.patch<Demand>(`${demands}/${id}`, body)
/** Anything but a legal step → 409. */
export const transitionDemand = (id: number, body: ListingTransition) => http.post<Demand>(`${demands}/${id}/transitions`, body)
/** `limit` 1–50 (default 10). */
export const getRecommendations = (id: number, limit?: number) =>
  http.get<Recommendations>(`${demands}/${id}/recommendations`, { limit })

/** Readable by every logged-in user; newest first. */
export const listResources = (query: ResourceQuery = {}) => http.get<Page<Resource>>(resources, { ...query })
export const getResource = (id: number) => http.get<Resource>(`${resources}/${id}`)
/** Changing one is for its organisation's members and its registration unit's subtree (else 403). */
export const createResource = (body: ResourceCreate) => http.post<Resource>(resources, body)
export const updateResource = (id: number, body: ResourceUpdate) => http.patch<Resource>(`${resources}/${id}`, body)
export const transitionResource = (id: number, body: ListingTransition) =>
  http.post<Resource>(`${resources}/${id}/transitions`, body)

/** Solves §5.1 exactly over the scope; an id naming nothing matchable → 422 on `demand_ids[i]`. */
export const createRun = (body: RunRequest) => http.post<Run>(runs, body)
/** Newest first, without the parts. */
export const listRuns = (query: PageQuery = {}) => http.get<Page<RunSummary>>(runs, { ...query })
export const getRun = (id: number) => http.get<Run>(`${runs}/${id}`)
/** All or nothing; 409 naming the first that no longer fits (re-run), 422 on `match_ids[i]` not proposed here. */
export const acceptRun = (id: number, body: RunDecision = {}) => http.post<Run>(`${runs}/${id}/accept`, body)
export const rejectRun = (id: number, body: RunDecision = {}) => http.post<Run>(`${runs}/${id}/reject`, body)

export const listMatches = (query: MatchQuery = {}) => http.get<Page<Match>>(matches, { ...query })
export const getMatch = (id: number) => http.get<Match>(`${matches}/${id}`)
/** A step the lifecycle does not allow (or a concurrent request took first) → 409. */
export const stepMatch = (id: number, step: MatchStep) => http.post<Match>(`${matches}/${id}/${step}`, {})
/** done → rated. */
export const rateMatch = (id: number, rating: number, comment?: string) =>
  http.post<Match>(`${matches}/${id}/rate`, comment ? { rating, comment } : { rating })
/** A draft purchased-service project; 201 the match with `project_id` (409 once linked). */
export const makeMatchProject = (id: number) => http.post<Match>(`${matches}/${id}/project`, {})
/** `POST /events`'s body without `org_id` (the resource's organisation); absent fields default from the match and its demand. */
export type MatchEventCreate = Partial<Omit<EventCreate, 'org_id'>> & Pick<EventCreate, 'start' | 'end'>
/** A draft event of the organisation made of a served match; 201 the event (409 once the match has one). */
export const makeMatchEvent = (id: number, body: MatchEventCreate) => http.post<LyEvent>(`${matches}/${id}/event`, body)

export const getMatchingSummary = () => http.get<MatchingSummary>('/api/v1/matching/summary')
