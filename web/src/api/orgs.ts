import type { PublicAnnualReport, PublicPenalty } from './annual'
import { http, type Page, type PageQuery } from './http'
import type { PublicCreditEntry } from './credit'
import { uploadWithProgress, type ProgressHandler } from './transfer'

export type OrgType = 'social_group' | 'social_service' | 'foundation' | 'other'
export type OrgStatus = 'applying' | 'registered' | 'rejected' | 'abnormal' | 'deregistering' | 'deregistered'

/** Legal `POST /orgs/{id}/transitions` targets from each status (SPEC §4; `applying` is decided by review too). */
export const kOrgTransitions: Record<OrgStatus, readonly OrgStatus[]> = {
  applying: ['registered', 'rejected'],
  registered: ['abnormal', 'deregistering'],
  abnormal: ['registered', 'deregistering'],
  deregistering: ['deregistered'],
  rejected: [],
  deregistered: [],
}

/** Dictionary `service_category` (SPEC §2). */
export type ServiceCategory =
  | 'skills'
  | 'health'
  | 'children'
  | 'culture_sports'
  | 'stations'
  | 'new_employment'
  | 'common_prosperity'
  | 'volunteer'
/** Public fields, readable by every logged-in user. */
export interface OrgPublicFields {
  id: number
  name: string
  uscc: string
  org_type: OrgType
  region_code: string
  region_name: string
  registration_unit_name: string
  service_categories: ServiceCategory[]
  labour_field: boolean
  status: OrgStatus
  grade: string | null
  grade_valid_until: string | null
  created_at: string
  updated_at: string
}

export interface Org extends OrgPublicFields {
  registration_unit_id: number
  /** The last four are null when the caller is outside the registration authority's subtree. */
  legal_rep: string | null
  phone: string | null
  founded_on: string | null
  business_scope: string | null
}

export interface OrgQuery extends PageQuery {
  q?: string
  region_code?: string
  category?: ServiceCategory | ''
  status?: OrgStatus | ''
  grade?: string
  labour_field?: 'true' | 'false' | ''
  /** Only organisations registered by the caller's subtree. */
  in_scope?: 'true' | ''
  /** Newest first (`-id`) unless named; 422 on anything else. */
  sort?: OrgSort
}

/** The orders GET /orgs takes: oldest first, by name, by founding date ('-' descending). */
export type OrgSort = '-id' | 'id' | 'name' | '-name' | 'founded_on' | '-founded_on'

export interface OrgCreate {
  name: string
  uscc: string
  org_type: OrgType
  region_code: string
  registration_unit_id: number
  legal_rep: string
  phone: string
  founded_on: string
  business_scope: string
  service_categories: ServiceCategory[]
  labour_field: boolean
  status?: 'registered' | 'applying'
}

export type OrgUpdate = Partial<Omit<OrgCreate, 'status'>>

export interface OrgReview {
  decision: 'approve' | 'reject'
  business_scope_ok: boolean
  non_profit_purpose: boolean
  no_profit_distribution: boolean
  assets_for_public_benefit: boolean
  /** Required to reject. */
  comment?: string
}

export interface OrgHistoryEntry {
  id: number
  at: string
  actor_username: string
  action: 'create' | 'update' | 'transition' | 'review'
  from_status: OrgStatus | null
  to_status: OrgStatus | null
  reason: string
  details: Record<string, unknown>
}

export interface OrgLink {
  id: number
  unit_id: number
  org_id: number
  org_name: string
  uscc: string
  since: string
  until: string | null
}

/** `GET /api/public/orgs/{uscc}`: public fields with the legal representative and phone masked. */
export interface OrgDisclosure extends Omit<OrgPublicFields, 'id'> {
  legal_rep: string
  phone: string
  /** Reviewed annual reports, latest year first: the year and the result, no figures. */
  annual_reports: PublicAnnualReport[]
  /** Every entry, newest first, removed ones too (with the removal). */
  credit_entries: PublicCreditEntry[]
  /** Latest decision first. */
  penalties: PublicPenalty[]
}

const base = '/api/v1/orgs'

export const listOrgs = (query: OrgQuery = {}) => http.get<Page<Org>>(base, { ...query })
export const getOrg = (id: number) => http.get<Org>(`${base}/${id}`)
/** Invalid USCC → 422 on `uscc`; duplicate → 409. */
export const createOrg = (body: OrgCreate) => http.post<Org>(base, body)
export const updateOrg = (id: number, body: OrgUpdate) => http.patch<Org>(`${base}/${id}`, body)
/** Illegal transition → 409. */
export const transitionOrg = (id: number, to: OrgStatus, reason: string) =>
  http.post<Org>(`${base}/${id}/transitions`, { to, reason })
export const reviewOrg = (id: number, body: OrgReview) => http.post<Org>(`${base}/${id}/review`, body)
/** Outside the caller's scope → 404. */
export const getOrgHistory = (id: number) => http.get<Page<OrgHistoryEntry>>(`${base}/${id}/history`)

/** One page of the unit's active links, oldest first; the first page of 20 (the server's default) names neither. */
export const listOrgLinks = (unitId: number, { page, page_size }: PageQuery = {}) =>
  http.get<Page<OrgLink>>(`/api/v1/units/${unitId}/org-links`, {
    page: page === 1 ? undefined : page,
    page_size: page_size === 20 ? undefined : page_size,
  })
export const createOrgLink = (unitId: number, org_id: number, since?: string) =>
  http.post<OrgLink>(`/api/v1/units/${unitId}/org-links`, since ? { org_id, since } : { org_id })
export const deleteOrgLink = (unitId: number, orgId: number) =>
  http.delete<unknown>(`/api/v1/units/${unitId}/org-links/${orgId}`)

/** No session needed. */
export const getOrgDisclosure = (uscc: string) =>
  http.get<OrgDisclosure>(`/api/public/orgs/${encodeURIComponent(uscc)}`, undefined, true)

/** `POST /orgs/import` answer: all rows were written (`unchanged`: rows as the registry has them). */
export interface OrgImportResult {
  imported: number
  updated: number
  unchanged: number
}

/** One problem of an import file (row 1 is the header), from a 422's `details`. */
export interface OrgImportRowError {
  row?: number
  field: string
  message: string
}

export type OrgFileFormat = 'csv' | 'xlsx'

/** Fields the list filters by, as `GET /orgs/export` takes them. */
export type OrgFilter = Omit<OrgQuery, 'page' | 'page_size'>

export const kMaxImportBytes = 64 * 1024 * 1024

const importQuery = (updateExisting: boolean) => (updateExisting ? { update_existing: 'true' } : undefined)

/**
 * All or nothing: 422 `validation_failed` with row-level `details` writes nothing; 400 malformed
 * file; 413 over 64 MiB. `updateExisting` updates organisations whose USCC exists. Headers and
 * values may be Chinese (组织名称, 社会团体 …) or English field names and codes.
 */
export const importOrgs = (file: File, updateExisting: boolean, onProgress?: ProgressHandler) =>
  uploadWithProgress<OrgImportResult>(`${base}/import`, file, importQuery(updateExisting), onProgress)
/** Downloads an XLSX of the failing rows (original columns + 行号 + 错误原因, in Chinese). */
export const downloadImportReport = (file: File, updateExisting: boolean) =>
  http.download(`${base}/import/report`, {
    file,
    query: importQuery(updateExisting),
    fileName: 'import-errors.xlsx',
  })
/** 社会组织导入模板.xlsx: instructions sheet, drop-downs, an example row that imports as it is. */
export const downloadImportTemplate = (format: OrgFileFormat = 'xlsx') =>
  http.download(`${base}/import/template`, { query: { format }, fileName: `orgs-template.${format}` })
/** 社会组织名录_YYYYMMDD.csv|xlsx of the filtered list; the CSV is streamed (no total size). */
export const exportOrgs = (format: OrgFileFormat, filter: OrgFilter, onProgress?: ProgressHandler) =>
  http.download(`${base}/export`, {
    query: { ...filter, format },
    fileName: `orgs.${format}`,
    onProgress: onProgress && ((loaded, total) => onProgress({ phase: 'downloading', loaded, total })),
  })

/** A code of a dictionary with how many organisations hold it. */
export interface CodeCount {
  code: string
  count: number
}

/** GET /api/v1/orgs/summary: the organisations the caller's scope manages. */
export interface OrgSummary {
  total: number
  /** Every status, in lifecycle order. */
  by_status: CodeCount[]
  /** Every service category, in SPEC order. */
  by_category: CodeCount[]
  created_this_month: number
}

export const getOrgSummary = () => http.get<OrgSummary>(`${base}/summary`)
