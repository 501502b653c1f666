import { http, type Page, type PageQuery } from './http'
import type { ServiceCategory } from './orgs'

/**
 * 活动、报名、签到 (SPEC §4 "Venues and events"; docs/api.md "Events, sign-ups and check-ins").
 * Dictionary `event_status`: `draft → published | cancelled`, `published → cancelled | ended`.
 */
export type EventStatus = 'draft' | 'published' | 'cancelled' | 'ended'
/** Dictionary `signup_status`: a confirmed sign-up holds a seat, a waitlisted one waits in order. */
export type SignupStatus = 'confirmed' | 'waitlisted'
/** Dictionary `checkin_method`. */
export type CheckinMethod = 'token' | 'code' | 'officer'

/** The transitions each status allows (409 otherwise; `ended` only after the end). */
export const kEventTransitions: Record<EventStatus, readonly EventStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['cancelled', 'ended'],
  cancelled: [],
  ended: [],
}

/** An event, owned by the venue's unit, else the project's, else the organisation's registration unit. */
export interface LyEvent {
  id: number
  org_id: number
  org_name: string
  owner_unit_id: number
  owner_unit_name: string
  title: string
  category: ServiceCategory
  description: string | null
  /** `[start, end)`, date-times in +08:00. */
  start: string
  end: string
  capacity: number
  seats_taken: number
  seats_left: number
  waitlisted: number
  checkins: number
  signup_opens: string | null
  signup_closes: string
  target_groups: string[]
  region_code: string
  region_name: string
  address: string
  booking_id: number | null
  venue_id: number | null
  venue_name: string | null
  project_id: number | null
  project_title: string | null
  status: EventStatus
  reason: string | null
  created_by: number | null
  created_at: string
  updated_at: string
}

export interface EventCreate {
  org_id: number
  title: string
  category: ServiceCategory
  start: string
  end: string
  capacity: number
  description?: string
  signup_opens?: string
  signup_closes?: string
  target_groups?: string[]
  /** Required without a booking (a booked event takes the venue's). */
  region_code?: string
  address?: string
  booking_id?: number
  project_id?: number
}
export type EventUpdate = Partial<Omit<EventCreate, 'org_id' | 'booking_id' | 'project_id'>> & {
  signup_opens?: string | null
}

export interface EventQuery extends PageQuery {
  status?: EventStatus | ''
  category?: ServiceCategory | ''
  /** Events whose region it covers. */
  region_code?: string
  org_id?: number
  /** Dates or date-times: events ending after `from`, starting before `to`. */
  from?: string
  to?: string
  q?: string
  /** `start`: soonest first; `-start` (the default): latest start first. */
  order?: 'start' | '-start'
}

/** A sign-up; `worker_name` comes masked (王*). */
export interface Signup {
  id: number
  event_id: number
  worker_id: number
  worker_name: string
  status: SignupStatus
  /** 1-based place on the waiting list. */
  position: number | null
  checked_in_at: string | null
  created_at: string
}

export interface Checkin {
  id: number
  event_id: number
  worker_id: number
  worker_name: string
  at: string
  method: CheckinMethod
  recorded_by: number | null
  created_at: string
}

/** One worker of an officer's list check-in. */
export interface CheckinOutcome {
  worker_id: number
  status: 'checked_in' | 'failed'
  checkin?: Checkin
  code?: string
  message?: string
}

/** What the venue's screen shows; it rotates every `slot_seconds`. */
export interface CheckinCode {
  event_id: number
  token: string
  code: string
  expires_at: string
  slot_seconds: number
  link: string
  qr_svg: string
}

/** An approved booking an event may take place at (a subset of the booking's fields). */
export interface BookingOption {
  id: number
  venue_id: number
  venue_name: string
  org_id: number
  start: string
  end: string
  status: string
}

const base = '/api/v1/events'
const of = (id: number) => `${base}/${id}`

export const listEvents = (query: EventQuery = {}) => http.get<Page<LyEvent>>(base, { ...query })
export const getEvent = (id: number) => http.get<LyEvent>(of(id))
/** Fields → 422 (every bad field at once); the booking must be the organisation's, approved and cover the time. */
export const createEvent = (body: EventCreate) => http.post<LyEvent>(base, body)
export const updateEvent = (id: number, body: EventUpdate) => http.patch<LyEvent>(of(id), body)
export const transitionEvent = (id: number, to: EventStatus, reason?: string) =>
  http.post<LyEvent>(`${of(id)}/transitions`, { to, reason })

export const listSignups = (id: number, query: PageQuery & { status?: SignupStatus | '' } = {}) =>
  http.get<Page<Signup>>(`${of(id)}/signups`, { ...query })
/** Full → 409 with `details[0].field == "capacity"`, already signed up → `"worker_id"`. */
export const signUp = (id: number, workerId: number, waitlist = false) =>
  http.post<Signup>(`${of(id)}/signups`, { worker_id: workerId, waitlist })
export const cancelSignup = (id: number, workerId: number) =>
  http.delete<{ cancelled: Signup; promoted: Signup | null }>(`${of(id)}/signups/${workerId}`)

export const listCheckins = (id: number, query: PageQuery = {}) => http.get<Page<Checkin>>(`${of(id)}/checkins`, { ...query })
/** An officer's list: each worker reported; `at` (optional) a past time inside the window. */
export const checkInList = (id: number, workerIds: number[], at?: string) =>
  http.post<{ items: CheckinOutcome[]; checked_in: number }>(`${of(id)}/checkins`, { worker_ids: workerIds, at })
/** `base`: this site's origin, which the QR code's link starts with. */
export const getCheckinCode = (id: number, origin: string) => http.get<CheckinCode>(`${of(id)}/checkin-code`, { base: origin })

/** The organisation's approved bookings an event may be held at (`GET /bookings`). */
export const listApprovedBookings = (orgId: number) =>
  http.get<Page<BookingOption>>('/api/v1/bookings', { org_id: orgId, status: 'approved', page_size: 100 })
