import { http } from './http'

export interface Role {
  code: string
  name: string
  /** `area:resource:action` strings; `"*"` grants all. */
  permissions: string[]
}

/** One entry of the permission catalogue. */
export interface Permission {
  code: string
  area: string
  name: string
}

interface Items<T> {
  items: T[]
}

export const listRoles = async () => (await http.get<Items<Role>>('/api/v1/roles')).items

export const setRolePermissions = (code: string, permissions: string[]) =>
  http.put<unknown>(`/api/v1/roles/${encodeURIComponent(code)}/permissions`, { permissions })

export const listPermissions = async () => (await http.get<Items<Permission>>('/api/v1/permissions')).items
