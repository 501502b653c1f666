import { http, type Page, type PageQuery } from './http'

export interface User {
  id: number
  username: string
  display_name: string
  unit_id: number
  unit_name: string
  roles: string[]
  org_id: number | null
  worker_id: number | null
  must_change_password: boolean
  disabled: boolean
  mfa_enabled: boolean
  created_at: string
  updated_at: string
}

export interface UserQuery extends PageQuery {
  unit_id?: number
  q?: string
  role?: string
  disabled?: 'true' | 'false' | ''
}

export interface UserCreate {
  username: string
  password: string
  display_name: string
  unit_id: number
  roles: string[]
  org_id?: number
  worker_id?: number
  must_change_password?: boolean
}

export type UserUpdate = Partial<
  Pick<User, 'display_name' | 'unit_id' | 'roles' | 'disabled' | 'must_change_password'>
>

const base = '/api/v1/users'

export const listUsers = (query: UserQuery = {}) => http.get<Page<User>>(base, { ...query })
export const getUser = (id: number) => http.get<User>(`${base}/${id}`)
export const createUser = (body: UserCreate) => http.post<User>(base, body)
/** Disabling ends the user's sessions. */
export const updateUser = (id: number, body: UserUpdate) => http.patch<User>(`${base}/${id}`, body)
/** Sets `must_change_password`. */
export const resetPassword = (id: number, password: string) =>
  http.post<unknown>(`${base}/${id}/reset-password`, { password })
