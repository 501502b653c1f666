import { http, type Page } from '@/api/http'
import type { Demand, Resource, ResourceQuery } from '@/api/matching'
import type { Checkin, LyEvent, SignupStatus } from '@/api/events'
import type { ServiceCategory } from '@/api/orgs'
import type { Worker, WorkerCreate } from '@/api/workers'

export type { Demand, LyEvent, Resource, Worker }

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

/** An event as `GET /me/events` lists it: with this worker's sign-up and check-in. */
export interface MyEvent extends LyEvent {
  /** Null for a check-in recorded without a sign-up (a walk-in). */
  signup_status: SignupStatus | null
  /** 1-based place on the waiting list. */
  position: number | null
  checked_in_at: string | null
}

/** This worker's events, latest start first (`event:signup:create`). */
export const listMyEvents = (page: number, page_size: number) =>
  http.get<Page<MyEvent>>('/api/v1/me/events', { page, page_size })

/**
 * This worker's entry for `event` in `GET /me/events`, or null: the pages are read in their
 * order (latest start first) until one starts before the event, so the answer costs one request
 * unless the worker signed up for more than 200 later events.
 */
export async function findMyEvent(event: Pick<LyEvent, 'id' | 'start'>): Promise<MyEvent | null> {
  const pageSize = 200
  const start = Date.parse(event.start)
  for (let page = 1; ; page++) {
    const found = await listMyEvents(page, pageSize)
    const mine = found.items.find((e) => e.id === event.id)
    if (mine) return mine
    const last = found.items[found.items.length - 1]
    if (!last || page * pageSize >= found.total || Date.parse(last.start) < start) return null
  }
}

/** The worker's own check-in, by the QR code link's `token` or the screen's six-digit `code`. */
export type CheckinProof = { token: string } | { code: string }

export const checkIn = (eventId: number, proof: CheckinProof) =>
  http.post<Checkin>(`/api/v1/events/${eventId}/checkins`, proof)

/** The roster entry of the signed-in worker (phone and ID number masked). */
export const getMyWorker = () => http.get<Worker>('/api/v1/me/worker')

/** What a worker may change of its own entry; name, phone and ID number are the union's. */
export type MyWorkerPatch = Partial<Pick<WorkerCreate, 'employer' | 'region_code' | 'groups'>>

export const updateMyWorker = (patch: MyWorkerPatch) => http.patch<Worker>('/api/v1/me/worker', patch)

/** Every event of this worker (a worker has few: one request unless it has more than 200). */
export async function listAllMyEvents(): Promise<MyEvent[]> {
  const all: MyEvent[] = []
  for (let page = 1; ; page++) {
    const found = await listMyEvents(page, 200)
    all.push(...found.items)
    if (all.length >= found.total || found.items.length === 0) return all
  }
}
