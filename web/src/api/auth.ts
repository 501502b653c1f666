import { http } from './http'

/** The signed-in user as `/api/v1/auth/login` and `/api/v1/auth/me` return it. */
export interface SessionUser {
  id: number
  username: string
  display_name: string
  unit_id: number
  unit_name: string
  roles: string[]
  /** `area:resource:action` strings; `"*"` grants everything. */
  permissions: string[]
  /** Set for `org_member` users. */
  org_id: number | null
  /** Set for `worker` users. */
  worker_id: number | null
  must_change_password: boolean
}

export interface Session {
  user: SessionUser
  csrf_token: string
}

const base = '/api/v1/auth'

export const login = (username: string, password: string) =>
  http.post<Session>(`${base}/login`, { username, password }, true)

/** Answers 401 when there is no live session cookie. */
export const getSession = () => http.get<Session>(`${base}/me`, undefined, true)

export const logout = () => http.post<Record<string, never>>(`${base}/logout`)
