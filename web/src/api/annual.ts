import { http, type Page, type PageQuery } from './http'

/** Dictionary `annual_report_status`: 待审核, 已退回, 已审核. */
export type ReportStatus = 'submitted' | 'returned' | 'reviewed'
/** Dictionary `annual_report_result`: 通过, 基本合格, 不合格. */
export type ReportResult = 'pass' | 'basic_pass' | 'fail'
/** Dictionary `penalty_kind`. */
export type PenaltyKind = 'warning' | 'fine' | 'confiscation' | 'suspension' | 'revocation'

/** What an organisation reports for a year; money in fen. */
export interface ReportFields {
  income_fen: number
  expense_fen: number
  net_assets_fen: number
  /** Of the income: governments' purchases of services; at most `income_fen`. */
  gov_purchase_income_fen: number
  activities: string
}

export interface AnnualReport extends ReportFields {
  id: number
  org_id: number
  org_name: string
  uscc: string
  year: number
  status: ReportStatus
  /** Set once reviewed. */
  result: ReportResult | null
  review_comment: string | null
  /** What the last return asked to correct (kept after resubmission). */
  return_comment: string | null
  unit_id: number
  unit_name: string
  submitted_by_user_id: number | null
  submitted_by_name: string | null
  submitted_at: string
  reviewed_by_user_id: number | null
  reviewed_by_name: string | null
  reviewed_at: string | null
  /** 30 June of the following year. */
  deadline: string
  created_at: string
  updated_at: string
}

export interface ReportQuery extends PageQuery {
  status?: ReportStatus | ''
  year?: number | ''
  org_id?: number
  /** Part of the organisation's name or USCC. */
  q?: string
}

export interface OverdueOrg {
  org_id: number
  org_name: string
  uscc: string
  status: string
  unit_id: number
  unit_name: string
}

export interface OverduePage extends Page<OverdueOrg> {
  year: number
  deadline: string
  /** Today is after the deadline: every one listed is late. */
  past_deadline: boolean
}

export interface Penalty {
  id: number
  org_id: number
  decided_on: string
  kind: PenaltyKind
  reason: string
  decision_no: string | null
  amount_fen: number | null
  unit_id: number
  unit_name: string
  created_at: string
  updated_at: string
}

export interface PenaltyCreate {
  decided_on: string
  kind: PenaltyKind
  reason: string
  decision_no?: string
  /** Required for a fine. */
  amount_fen?: number
}

/** `GET /api/public/orgs/{uscc}` → `annual_reports`: the year and the result, no figures. */
export interface PublicAnnualReport {
  year: number
  result: ReportResult
  reviewed_on: string
  unit_name: string
}

/** `GET /api/public/orgs/{uscc}` → `penalties`: no people. */
export interface PublicPenalty {
  decided_on: string
  kind: PenaltyKind
  reason: string
  decision_no: string | null
  amount_fen: number | null
  unit_name: string
}

const base = '/api/v1/annual-reports'

/** The reports of the caller's scope, newest first. */
export const listAnnualReports = (query: ReportQuery = {}) => http.get<Page<AnnualReport>>(base, { ...query })
/** Organisations in scope without a report for `year` (default: the latest one due). */
export const listOverdue = (query: PageQuery & { year?: number | '' } = {}) =>
  http.get<OverduePage>(`${base}/overdue`, { ...query })
export const getAnnualReport = (id: number) => http.get<AnnualReport>(`${base}/${id}`)
/** 404 unless the caller's scope manages the organisation (or is its member). */
export const listOrgAnnualReports = (orgId: number, query: PageQuery = {}) =>
  http.get<Page<AnnualReport>>(`/api/v1/orgs/${orgId}/annual-reports`, { ...query })
/** A report for that year already → 409; fields → 422 (every bad one). */
export const submitAnnualReport = (orgId: number, body: ReportFields & { year: number }) =>
  http.post<AnnualReport>(`/api/v1/orgs/${orgId}/annual-reports`, body)
/** Only while returned (else 409). */
export const updateAnnualReport = (id: number, body: Partial<ReportFields>) => http.patch<AnnualReport>(`${base}/${id}`, body)
/** Submits a returned report again. */
export const resubmitAnnualReport = (id: number) => http.post<AnnualReport>(`${base}/${id}/submit`, {})
/** Once: a reviewed or returned report → 409. The comment is required unless the result is pass. */
export const reviewAnnualReport = (id: number, result: ReportResult, comment: string) =>
  http.post<AnnualReport>(`${base}/${id}/review`, { result, comment })
export const returnAnnualReport = (id: number, comment: string) => http.post<AnnualReport>(`${base}/${id}/return`, { comment })

export const listPenalties = (orgId: number, query: PageQuery = {}) =>
  http.get<Page<Penalty>>(`/api/v1/orgs/${orgId}/penalties`, { ...query })
export const createPenalty = (orgId: number, body: PenaltyCreate) => http.post<Penalty>(`/api/v1/orgs/${orgId}/penalties`, body)
