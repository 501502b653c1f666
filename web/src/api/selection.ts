import { http, type Page, type PageQuery } from './http'
import type { ServiceCategory } from './orgs'

/** Dictionary `selection_status`, in the order a round moves through it (docs/api.md). */
export type SelectionStatus = 'draft' | 'nominating' | 'scoring' | 'published'
export const kSelectionStatuses: readonly SelectionStatus[] = ['draft', 'nominating', 'scoring', 'published']

/** The one step `POST …/transitions` allows from each status (none after publication). */
export const kNextSelectionStatus: Record<SelectionStatus, SelectionStatus | null> = {
  draft: 'nominating',
  nominating: 'scoring',
  scoring: 'published',
  published: null,
}

/** Limits the server checks (422 otherwise), mirrored by the round form. */
export const kRubricCodePattern = /^[a-z0-9_]{1,40}$/
export const kMaxCriteria = 20
export const kMaxCriterionScore = 1000
export const kMaxBatch = 99
export const kMaxExpertsPerProject = 15
export const kMaxStoryChars = 5000

/** One criterion of a round's rubric (评分细则). */
export interface Criterion {
  code: string
  name: string
  max_score: number
}

/** How many projects of a service category may be excellent; `nominated` counts the nominations. */
export interface Quota {
  category: ServiceCategory
  quota: number
  nominated: number
}

/** 优秀项目评选: owned by the unit of the officer who created it (the organiser). */
export interface SelectionRound {
  id: number
  title: string
  year: number
  batch: number
  unit_id: number
  unit_name: string
  status: SelectionStatus
  experts_per_project: number
  rubric: Criterion[]
  /** The sum of the criteria's maxima. */
  max_total: number
  quotas: Quota[]
  published_on: string | null
  nominations: number
  excellent: number
  /** The caller may change the round (it lies in the organiser's subtree). */
  managed: boolean
  created_at: string
  updated_at: string
}

/** A published round as the public sees it. */
export type PublicSelectionRound = Omit<SelectionRound, 'managed' | 'unit_id'>

/** The body of `POST /selection-rounds` and `PUT /selection-rounds/{id}` (drafts only). */
export interface SelectionRoundInput {
  title: string
  year: number
  batch?: number
  experts_per_project?: number
  rubric: Criterion[]
  quotas: { category: ServiceCategory; quota: number }[]
}

/** A nominated project as the showcase shows it (its public figures and story). */
export interface PublicNomination {
  id: number
  round_id: number
  project_id: number
  title: string
  category: ServiceCategory
  funding_unit_name: string
  /** Provider names. */
  providers: string[]
  region_code: string
  region_name: string
  /** The year of the contract. */
  year: number | null
  contract_fen: number | null
  person_times: number
  target_groups: string[]
  /** 项目简介 as the nominating unit wrote it. */
  story: string
  /** Mean of the experts' totals to 0.1; with `rank`, set at publication. */
  score: number | null
  rank: number | null
  excellent: boolean
}

/** 推荐项目 as the organiser's, the nominating and the funding units' subtrees see it. */
export interface Nomination extends PublicNomination {
  /** The nominating unit. */
  unit_id: number
  unit_name: string
  funding_unit_id: number
  /** Experts assigned, and those of them who have scored. */
  experts: number
  scored: number
  created_at: string
}

export interface NominationQuery extends PageQuery {
  category?: ServiceCategory | ''
  excellent?: boolean
}

/** A user with the `expert` role in the organiser's subtree. */
export interface SelectionExpert {
  user_id: number
  name: string
  unit_id: number
  org_id: number | null
}

/** An expert's assignment to a nomination, with the scores once given. */
export interface Assignment {
  nomination_id: number
  round_id: number
  expert_user_id: number
  expert_name: string
  scored: boolean
  /** Points by criterion code. */
  scores: Record<string, number> | null
  total: number | null
  scored_at: string | null
}

/** `GET /expert/assignments`: the caller's own assignment with the nomination it scores. */
export interface ExpertAssignment extends Assignment {
  nomination: PublicNomination
}

export type BookletJobStatus = 'queued' | 'running' | 'done' | 'failed'

/** A 选编 (booklet) job; the worker inside `serve` renders the PDF and XLSX. */
export interface BookletJob {
  id: number
  round_id: number
  status: BookletJobStatus
  /** 0–100 as pages are laid out. */
  progress: number
  pages: number | null
  projects: number | null
  error: string | null
  created_at: string
  updated_at: string
}

const base = '/api/v1/selection-rounds'
const of = (id: number) => `${base}/${id}`

/** Newest first; every holder of the selection permissions reads rounds. */
export const listSelectionRounds = (query: PageQuery & { status?: SelectionStatus | '' } = {}) =>
  http.get<Page<SelectionRound>>(base, { ...query })
export const getSelectionRound = (id: number) => http.get<SelectionRound>(of(id))
/** A draft organised by the caller's unit; one per organiser, year and batch (409 on `batch`). */
export const createSelectionRound = (body: SelectionRoundInput) => http.post<SelectionRound>(base, body)
/** Replaces a draft's fields (409 later). */
export const updateSelectionRound = (id: number, body: SelectionRoundInput) => http.put<SelectionRound>(of(id), body)
/** One step at a time (409 otherwise); publishing needs every nomination scored (409) and ranks them. */
export const transitionSelectionRound = (id: number, to: SelectionStatus) =>
  http.post<SelectionRound>(`${of(id)}/transitions`, { to })

/** By category and rank, in the caller's scope. */
export const listNominations = (id: number, query: NominationQuery = {}) => {
  const { excellent, ...rest } = query
  return http.get<Page<Nomination>>(`${of(id)}/nominations`, {
    ...rest,
    excellent: excellent === undefined ? undefined : String(excellent),
  })
}
/** While nominating; the project must be accepted or closed, in scope, of a category with a quota (422 on `project_id`). */
export const nominateProject = (id: number, body: { project_id: number; story: string }) =>
  http.post<Nomination>(`${of(id)}/nominations`, body)
/** While nominating. */
export const withdrawNomination = (id: number, nominationId: number) =>
  http.delete<unknown>(`${of(id)}/nominations/${nominationId}`)

/** The organiser's pool of experts. */
export const listSelectionExperts = (id: number) => http.get<{ items: SelectionExpert[] }>(`${of(id)}/experts`)
/** Every assignment of the round with its scores (organiser only). */
export const listAssignments = (id: number) => http.get<{ items: Assignment[] }>(`${of(id)}/assignments`)
/** Gives every nomination short of experts the least-loaded eligible ones; 422 on `nomination_id` when too few are free. */
export const autoAssignExperts = (id: number) => http.post<{ assigned: number }>(`${of(id)}/assignments`)
/** Replaces the experts who have not scored; 422 on `expert_ids[i]` (not in the pool, repeated, a conflict). */
export const setNominationExperts = (id: number, nominationId: number, expertIds: number[]) =>
  http.put<{ items: Assignment[] }>(`${of(id)}/nominations/${nominationId}/experts`, { expert_ids: expertIds })

/** The caller's assignments in rounds being scored. */
export const listMyAssignments = (roundId?: number) =>
  http.get<{ items: ExpertAssignment[] }>('/api/v1/expert/assignments', { round_id: roundId })
/** Every criterion, integers 0..max (422 on `scores.<code>`); replaceable until publication. */
export const scoreNomination = (id: number, nominationId: number, scores: Record<string, number>) =>
  http.put<Assignment>(`${of(id)}/nominations/${nominationId}/scores`, { scores })

/** 202 with the queued job; only for published rounds and one job at a time (409). */
export const queueBooklet = (id: number) => http.post<BookletJob>(`${of(id)}/booklet`)
export const getBooklet = (id: number) => http.get<{ job: BookletJob | null }>(`${of(id)}/booklet`)

const publicBase = '/api/public/selection-rounds'

/** Published rounds, newest first; no session needed. */
export const listPublicSelectionRounds = (query: PageQuery = {}) =>
  http.get<Page<PublicSelectionRound>>(publicBase, { ...query }, true)
export const getPublicSelectionRound = (id: number) => http.get<PublicSelectionRound>(`${publicBase}/${id}`, undefined, true)
/** The showcase: excellent projects of published rounds by round, category and rank. */
export const listExcellentProjects = (query: PageQuery & { round_id?: number; category?: ServiceCategory | '' } = {}) =>
  http.get<Page<PublicNomination>>('/api/public/excellent-projects', { ...query }, true)

/** The latest finished booklet of a published round (404 before one), named `优秀项目选编_2022_第1批.pdf`. */
export const bookletUrl = (id: number, format: 'pdf' | 'xlsx') => `${publicBase}/${id}/booklet.${format}`

/** Whether the round has a finished booklet: a HEAD of its PDF (404 before one; any failure reads as none). */
export async function bookletAvailable(id: number): Promise<boolean> {
  try {
    const response = await fetch(bookletUrl(id, 'pdf'), { method: 'HEAD', credentials: 'same-origin' })
    return response.ok
  } catch {
    return false
  }
}

/** Every item of a paged list, fetching page after page (lists here are short: rounds' nominations). */
export async function fetchAll<T>(fetchPage: (query: PageQuery) => Promise<Page<T>>, pageSize = 100): Promise<T[]> {
  const items: T[] = []
  for (let page = 1; ; page++) {
    const result = await fetchPage({ page, page_size: pageSize })
    items.push(...result.items)
    if (result.items.length === 0 || items.length >= result.total) return items
  }
}
