import { http, type Page, type PageQuery } from './http'

/** A live login session. */
export interface UserSession {
  id: number
  user_id: number
  username: string
  display_name: string
  ip: string
  user_agent: string
  created_at: string
  last_seen_at: string
  /** The caller's own session. */
  current: boolean
}

export interface SessionQuery extends PageQuery {
  user_id?: number
}

const base = '/api/v1/sessions'

export const listSessions = (query: SessionQuery = {}) => http.get<Page<UserSession>>(base, { ...query })
/** Forces the session's user out. */
export const deleteSession = (id: number) => http.delete<unknown>(`${base}/${id}`)
