import { http, type Page, type PageQuery } from './http'
import type { ServiceCategory } from './orgs'

/** Dictionary `project_status`, in lifecycle order (SPEC §4). */
export type ProjectStatus = 'draft' | 'published' | 'contracted' | 'in_progress' | 'accepted' | 'closed' | 'cancelled'
/** Dictionary `project_mode`: 购买服务, 合作共建. */
export type ProjectMode = 'purchase' | 'cooperation'
/** Dictionary `project_document_kind`. */
export type ProjectDocumentKind = 'call' | 'contract' | 'acceptance' | 'other'

/** Legal `POST /projects/{id}/transitions` targets from each status (docs/api.md). */
export const kProjectTransitions: Record<ProjectStatus, readonly ProjectStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['contracted', 'cancelled'],
  contracted: ['in_progress', 'cancelled'],
  in_progress: ['accepted', 'cancelled'],
  accepted: ['closed'],
  closed: [],
  cancelled: [],
}

/** Statuses in which every field may be changed; in `kNarrowEditStatuses` only `kNarrowEditFields`. */
export const kFullEditStatuses: readonly ProjectStatus[] = ['draft', 'published']
export const kNarrowEditStatuses: readonly ProjectStatus[] = ['contracted', 'in_progress']
export const kNarrowEditFields = ['title', 'description', 'target_groups', 'end_on'] as const
/** Outputs (and their corrections) are reported while the project is being delivered. */
export const kOutputStatuses: readonly ProjectStatus[] = ['contracted', 'in_progress']
/** Milestones change until acceptance; payments until the project is closed or cancelled. */
export const kMilestoneStatuses: readonly ProjectStatus[] = ['draft', 'published', 'contracted', 'in_progress']
export const kPaymentStatuses: readonly ProjectStatus[] = ['draft', 'published', 'contracted', 'in_progress', 'accepted']

export interface ProjectProvider {
  id: number
  name: string
  uscc: string
}

/** 购买服务项目, owned by its funding unit (a `union` unit). */
export interface Project {
  id: number
  title: string
  category: ServiceCategory
  funding_unit_id: number
  funding_unit_name: string
  mode: ProjectMode
  provider_org_ids: number[]
  providers: ProjectProvider[]
  budget_fen: number
  /** Both null before `contracted`. */
  contract_fen: number | null
  contracted_on: string | null
  region_code: string
  region_name: string
  start_on: string
  end_on: string
  target_groups: string[]
  description: string | null
  status: ProjectStatus
  /** Running totals of the outputs (reversals subtract). */
  person_times: number
  events_held: number
  spent_fen: number
  /** Sum of the payment schedule, and of its paid rows. */
  scheduled_fen: number
  paid_fen: number
  created_at: string
  updated_at: string
}

export interface ProjectCreate {
  title: string
  category: ServiceCategory
  funding_unit_id: number
  mode: ProjectMode
  provider_org_ids: number[]
  budget_fen: number
  region_code: string
  start_on: string
  end_on: string
  target_groups?: string[]
  description?: string
}

/** In `draft`/`published` any field; in `contracted`/`in_progress` only `kNarrowEditFields`; later → 409. */
export type ProjectUpdate = Partial<ProjectCreate>

export interface ProjectQuery extends PageQuery {
  category?: ServiceCategory | ''
  status?: ProjectStatus | ''
  /** The unit's subtree. */
  funding_unit_id?: number
  /** Projects whose region it covers. */
  region_code?: string
  provider_org_id?: number
  /** The year of `start_on`. */
  year?: string
  /** Part of the title. */
  q?: string
}

export interface ProjectTransition {
  to: ProjectStatus
  /** Required for `cancelled`. */
  reason?: string
  /** Required for `contracted`: > 0 and ≥ the payment schedule. */
  contract_fen?: number
  /** Required for `contracted`: not in the future. */
  contracted_on?: string
}

/** `GET /projects/summary`, in the caller's scope. */
export interface ProjectSummary {
  by_status: Record<ProjectStatus, number>
  /** `in_progress` projects whose `end_on` has come. */
  to_accept: number
  /** Standing outputs dated in the current month (+08:00). */
  outputs_this_month: { entries: number; person_times: number; events: number; spent_fen: number }
}

export interface ProjectHistoryEntry {
  id: number
  at: string
  /** `create`, `update`, `transition`, `output_create`, `output_reverse`, `milestone_*`, `payment_*`, `document_*`. */
  action: string
  from_status: ProjectStatus | null
  to_status: ProjectStatus | null
  reason: string | null
  by_user_id: number
  by_name: string
  /** For `update` the changed fields (comma-separated); otherwise a short description. */
  detail: string
}

/** A dated report of what was delivered; corrected by a reversal (never edited). */
export interface ProjectOutput {
  id: number
  project_id: number
  on: string
  person_times: number
  events: number
  spent_fen: number
  note: string | null
  /** Set on a reversal: the output it cancels. */
  reverses_id: number | null
  /** Set on a reversed output: its reversal. */
  reversed_by_id: number | null
  /** A reversal's reason. */
  reason: string | null
  by_user_id: number
  by_name: string
  created_at: string
}

export interface ProjectOutputCreate {
  on: string
  person_times: number
  events?: number
  spent_fen?: number
  note?: string
}

export interface ProjectMilestone {
  id: number
  project_id: number
  title: string
  due_on: string
  done_on: string | null
  note: string | null
}

export interface ProjectMilestoneCreate {
  title: string
  due_on: string
  note?: string
}

/** `done_on: null` reopens a milestone; `note: null` clears it. */
export interface ProjectMilestoneUpdate {
  title?: string
  due_on?: string
  done_on?: string | null
  note?: string | null
}

export interface ProjectPayment {
  id: number
  project_id: number
  due_on: string
  amount_fen: number
  paid_on: string | null
  note: string | null
}

export interface ProjectPaymentCreate {
  due_on: string
  amount_fen: number
  paid_on?: string | null
  note?: string | null
}

export interface ProjectPayments {
  items: ProjectPayment[]
  scheduled_fen: number
  /** The contract, or the budget before one. */
  limit_fen: number
}

export interface ProjectDocument {
  id: number
  project_id: number
  kind: ProjectDocumentKind
  file_name: string
  media_type: string
  size: number
  sha256: string
  by_user_id: number
  by_name: string
  created_at: string
}

/** At most 10 MiB (413); PDF, OFD, Word, Excel, JPEG, PNG by extension and content (else 422 on `file`). */
export const kMaxDocumentBytes = 10 * 1024 * 1024
export const kDocumentExtensions = '.pdf,.ofd,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png'

const base = '/api/v1/projects'
const of = (id: number) => `${base}/${id}`

/** Newest first, in the caller's scope (an org member: the projects its organisation provides). */
export const listProjects = (query: ProjectQuery = {}) => http.get<Page<Project>>(base, { ...query })
export const getProjectSummary = () => http.get<ProjectSummary>(`${base}/summary`)
/** Outside the caller's scope → 404. */
export const getProject = (id: number) => http.get<Project>(of(id))
/** Fields → 422 (the funding unit must be a `union` unit in scope; `provider_org_ids[i]` names the index). */
export const createProject = (body: ProjectCreate) => http.post<Project>(base, body)
export const updateProject = (id: number, body: ProjectUpdate) => http.patch<Project>(of(id), body)
/** Illegal (or lost to a concurrent one) → 409; contracting a provider on a credit list → 422 on `provider_org_ids`. */
export const transitionProject = (id: number, body: ProjectTransition) => http.post<Project>(`${of(id)}/transitions`, body)
/** Oldest first. */
export const getProjectHistory = (id: number) => http.get<{ items: ProjectHistoryEntry[] }>(`${of(id)}/history`)

/** Newest first. */
export const listProjectOutputs = (id: number, query: PageQuery = {}) =>
  http.get<Page<ProjectOutput>>(`${of(id)}/outputs`, { ...query })
/** Only while `contracted`/`in_progress` (409); spending past the contract → 422 on `spent_fen`. */
export const createProjectOutput = (id: number, body: ProjectOutputCreate) =>
  http.post<ProjectOutput>(`${of(id)}/outputs`, body)
/** A reversal cannot be reversed, an output only once (409). */
export const reverseProjectOutput = (id: number, outputId: number, reason: string, replacement?: ProjectOutputCreate) =>
  http.post<{ reversal: ProjectOutput; replacement: ProjectOutput | null }>(
    `${of(id)}/outputs/${outputId}/reverse`,
    replacement ? { reason, replacement } : { reason },
  )

/** By due date. */
export const listProjectMilestones = (id: number) => http.get<{ items: ProjectMilestone[] }>(`${of(id)}/milestones`)
export const createProjectMilestone = (id: number, body: ProjectMilestoneCreate) =>
  http.post<ProjectMilestone>(`${of(id)}/milestones`, body)
export const updateProjectMilestone = (id: number, milestoneId: number, body: ProjectMilestoneUpdate) =>
  http.patch<ProjectMilestone>(`${of(id)}/milestones/${milestoneId}`, body)
export const deleteProjectMilestone = (id: number, milestoneId: number) =>
  http.delete<unknown>(`${of(id)}/milestones/${milestoneId}`)

export const listProjectPayments = (id: number) => http.get<ProjectPayments>(`${of(id)}/payments`)
/** The schedule may not pass `limit_fen` (422 on `amount_fen`). */
export const createProjectPayment = (id: number, body: ProjectPaymentCreate) =>
  http.post<ProjectPayment>(`${of(id)}/payments`, body)
export const updateProjectPayment = (id: number, paymentId: number, body: Partial<ProjectPaymentCreate>) =>
  http.patch<ProjectPayment>(`${of(id)}/payments/${paymentId}`, body)
export const deleteProjectPayment = (id: number, paymentId: number) =>
  http.delete<unknown>(`${of(id)}/payments/${paymentId}`)

export const listProjectDocuments = (id: number) => http.get<{ items: ProjectDocument[] }>(`${of(id)}/documents`)
/** Multipart part `file`. */
export const uploadProjectDocument = (id: number, kind: ProjectDocumentKind, file: File) =>
  http.upload<ProjectDocument>(`${of(id)}/documents`, file, { kind })
/** The file itself (a plain GET: the session cookie is enough), named by `Content-Disposition`. */
export const projectDocumentUrl = (id: number, documentId: number) => `${of(id)}/documents/${documentId}`
export const deleteProjectDocument = (id: number, documentId: number) =>
  http.delete<unknown>(`${of(id)}/documents/${documentId}`)
