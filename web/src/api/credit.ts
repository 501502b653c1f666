import { http, type Page, type PageQuery } from './http'

/** Dictionary `credit_list`: 活动异常名录, 严重违法失信名单. */
export type CreditList = 'abnormal' | 'dishonest'
/** Dictionary `credit_objection_status`. */
export type ObjectionStatus = 'open' | 'accepted' | 'rejected'

/** One listing of one organisation; active while `removed_on` is null. */
export interface CreditEntry {
  id: number
  org_id: number
  org_name: string
  uscc: string
  list: CreditList
  reason: string
  entered_on: string
  /** Null when a dated rule entered it. */
  entered_by_user_id: number | null
  entered_by_name: string | null
  /** The owner: the organisation's registration unit (the deciding authority). */
  unit_id: number
  unit_name: string
  active: boolean
  removed_on: string | null
  removal_reason: string | null
  removed_by_user_id: number | null
  removed_by_name: string | null
  /** Objections awaiting an answer. */
  open_objections: number
  created_at: string
  updated_at: string
}

export interface CreditObjection {
  id: number
  entry_id: number
  text: string
  by_user_id: number
  by_name: string
  status: ObjectionStatus
  reply: string | null
  answered_by_user_id: number | null
  answered_by_name: string | null
  answered_at: string | null
  /** When it was filed. */
  created_at: string
  updated_at: string
}

export interface CreditEntryDetail extends CreditEntry {
  /** Oldest first. */
  objections: CreditObjection[]
}

export interface CreditEntryQuery extends PageQuery {
  list?: CreditList | ''
  active?: 'true' | 'false' | ''
  org_id?: number
  /** Part of the organisation's name or USCC. */
  q?: string
  open_objection?: 'true' | 'false' | ''
}

export interface CreditEntryCreate {
  list: CreditList
  reason: string
  /** Not in the future. */
  entered_on: string
}

/** `GET /api/public/orgs/{uscc}` → `credit_entries`: no people, no objections. */
export interface PublicCreditEntry {
  list: CreditList
  reason: string
  entered_on: string
  unit_name: string
  removed_on: string | null
  removal_reason: string | null
}

const base = '/api/v1/credit-entries'

/** The entries of the caller's scope, newest first. */
export const listCreditEntries = (query: CreditEntryQuery = {}) => http.get<Page<CreditEntry>>(base, { ...query })
/** Outside the caller's scope → 404. */
export const getCreditEntry = (id: number) => http.get<CreditEntryDetail>(`${base}/${id}`)
/** An organisation's credit record; 404 unless the caller's scope manages it (or is its member). */
export const listOrgCreditEntries = (orgId: number, query: PageQuery = {}) =>
  http.get<Page<CreditEntryDetail>>(`/api/v1/orgs/${orgId}/credit-entries`, { ...query })
/** Already on that list → 409; an organisation outside the scope → 403; fields → 422. */
export const createCreditEntry = (orgId: number, body: CreditEntryCreate) =>
  http.post<CreditEntry>(`/api/v1/orgs/${orgId}/credit-entries`, body)
/** Removed already → 409; `removed_on` before `entered_on` or in the future → 422. */
export const removeCreditEntry = (id: number, body: { reason: string; removed_on: string }) =>
  http.post<CreditEntry>(`${base}/${id}/remove`, body)
/** An open objection exists, or the entry was removed → 409. */
export const fileObjection = (entryId: number, text: string) =>
  http.post<CreditObjection>(`${base}/${entryId}/objections`, { text })
/** `accept` removes the entry today, the reply as its removal reason. Answered already → 409. */
export const answerObjection = (id: number, decision: 'accept' | 'reject', reply: string) =>
  http.post<CreditObjection>(`/api/v1/credit-objections/${id}/answer`, { decision, reply })
