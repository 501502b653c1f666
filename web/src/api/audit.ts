import { http, type Page, type PageQuery } from './http'

export type AuditOutcome = 'success' | 'failure' | 'denied'

/** One append-only, hash-chained audit row. */
export interface AuditEntry {
  id: number
  at: string
  actor_user_id: number | null
  actor_username: string | null
  ip: string
  request_id: string
  action: string
  entity: string
  entity_id: number | string | null
  /** JSON values; null when absent (e.g. `before` of a creation). */
  before: unknown
  after: unknown
  outcome: AuditOutcome
  prev_hash: string
  hash: string
}

export interface AuditQuery extends PageQuery {
  entity?: string
  entity_id?: number
  actor_user_id?: number
  action?: string
  outcome?: AuditOutcome | ''
  /** `YYYY-MM-DD` */
  from?: string
  to?: string
}

export interface AuditVerification {
  ok: boolean
  entries: number
  /** The first row whose hash does not match, when `ok` is false. */
  first_bad_id?: number
}

/** Newest first. */
export const listAudit = (query: AuditQuery = {}) => http.get<Page<AuditEntry>>('/api/v1/audit', { ...query })

export const verifyAudit = () => http.get<AuditVerification>('/api/v1/audit/verify')
