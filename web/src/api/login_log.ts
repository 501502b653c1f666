import { http, type Page, type PageQuery } from './http'

export type LoginOutcome = 'success' | 'failure' | 'locked' | 'rate_limited'

export interface LoginLogEntry {
  id: number
  at: string
  username: string
  user_id: number | null
  ip: string
  user_agent: string
  outcome: LoginOutcome
  reason: string | null
}

export interface LoginLogQuery extends PageQuery {
  username?: string
  outcome?: LoginOutcome | ''
  /** `YYYY-MM-DD` */
  from?: string
  to?: string
}

/** Newest first. */
export const listLoginLog = (query: LoginLogQuery = {}) =>
  http.get<Page<LoginLogEntry>>('/api/v1/login-log', { ...query })
