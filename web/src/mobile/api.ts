import { http, type Page } from '@/api/http'
import type { Demand, Resource, ResourceQuery } from '@/api/matching'
import type { ServiceCategory } from '@/api/orgs'

export type { Demand, Resource }

/**
 * The first sign-in of a worker: name, ID number and phone must match the union's roster; the
 * account (username = the phone) is then created with `password`. 201 on success; any mismatch
 * answers one generic error, a bad field 422 with details.
 */
export interface Activation {
  name: string
  id_number: string
  phone: string
  password: string
}

export const activate = (body: Activation) => http.post<Record<string, unknown>>('/api/v1/auth/activate', body, true)

/** What a worker gives when posting a demand: the unit is its worker record's, the worker itself. */
export interface WorkerDemand {
  title: string
  category: ServiceCategory
  region_code: string
  headcount: number
  window_start: string
  window_end: string
  description?: string
}

export const postDemand = (body: WorkerDemand) => http.post<Demand>('/api/v1/demands', body)

/** A worker's own demands (the server's scope), newest first. */
export const listMyDemands = (page: number, page_size: number) =>
  http.get<Page<Demand>>('/api/v1/demands', { page, page_size })

export const withdrawDemand = (id: number) =>
  http.post<Demand>(`/api/v1/demands/${id}/transitions`, { to: 'withdrawn' })

/** Open or partly matched resources (readable by every logged-in user). */
export const listOpenResources = (query: Pick<ResourceQuery, 'category' | 'region_code' | 'page' | 'page_size'>) =>
  http.get<Page<Resource>>('/api/v1/resources', { ...query, open: 'true' })
