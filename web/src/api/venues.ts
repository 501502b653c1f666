import { http, type Page, type PageQuery } from './http'

/**
 * 场地与预约 (SPEC §4 "Venues and events"; docs/api.md "Venues and bookings (issue #11)").
 * Dictionary `venue_status`: a venue takes bookings while `active`; `closed` refuses new ones and
 * approvals, and is reopenable.
 */
export type VenueStatus = 'active' | 'closed'
/** Dictionary `booking_status`: pending → approved | rejected (the venue's unit); pending | approved → cancelled. */
export type BookingStatus = 'pending' | 'approved' | 'rejected' | 'cancelled'

/** Where a venue may move from each status. */
export const kVenueTransitions: Record<VenueStatus, readonly VenueStatus[]> = {
  active: ['closed'],
  closed: ['active'],
}
/** Statuses that hold a slot (an overlap with one → 409). */
export const kHoldingStatuses: readonly BookingStatus[] = ['pending', 'approved']
/** At most this many weekly slots in one request. */
export const kMaxWeeks = 52

/** A venue of a union unit, readable by every logged-in user. */
export interface Venue {
  id: number
  name: string
  unit_id: number
  unit_name: string
  region_code: string
  region_name: string
  address: string
  capacity: number
  facilities: string | null
  /** Free text, e.g. `周一至周五 9:00-21:00`. */
  opening_hours: string | null
  description: string | null
  status: VenueStatus
  /** The first of its photos (the list's thumbnail), or null without any. */
  cover_photo_id: number | null
  created_at: string
  updated_at: string
}

export interface VenueCreate {
  name: string
  unit_id: number
  region_code: string
  address: string
  capacity: number
  facilities?: string
  opening_hours?: string
  description?: string
}

/** Any field but `unit_id`; an empty optional text clears it. */
export type VenueUpdate = Partial<Omit<VenueCreate, 'unit_id'>>

export interface VenueQuery extends PageQuery {
  /** Venues of the unit's subtree. */
  unit_id?: number
  /** Venues whose region it covers. */
  region_code?: string
  status?: VenueStatus | ''
  /** Part of the name or the address. */
  q?: string
}

export interface Booking {
  id: number
  venue_id: number
  venue_name: string
  /** The venue's unit (an owner, the reviewer). */
  unit_id: number
  /** The booking organisation (the other owner). */
  org_id: number
  org_name: string
  /** `[start, end)`, date-times written in +08:00. */
  start: string
  end: string
  purpose: string
  status: BookingStatus
  /** The first booking of its weekly series. */
  series_id: number | null
  reviewed_by: number | null
  reviewed_at: string | null
  /** Of a rejection or cancellation. */
  reason: string | null
  created_by: number | null
  created_at: string
  updated_at: string
}

export interface BookingCreate {
  org_id: number
  /** Date-times; without an offset they mean +08:00. */
  start: string
  end: string
  purpose: string
  /** 1–52: the same slot weekly, `weeks` times in all, all or nothing. */
  weeks?: number
}

export interface Booked {
  items: Booking[]
  series_id: number | null
}

export interface BookingQuery extends PageQuery {
  venue_id?: number
  org_id?: number
  status?: BookingStatus | ''
  /** A date (inclusive) or a date-time: bookings meeting [from, to). */
  from?: string
  to?: string
}

/** A slot of another organisation: when, not who or why. */
export interface BusySlot {
  start: string
  end: string
  status: 'pending' | 'approved'
}

export interface Calendar {
  venue_id: number
  from: string
  to: string
  /** Those the caller may read, every status. */
  bookings: Booking[]
  busy: BusySlot[]
}

export interface Review {
  action: 'approve' | 'reject'
  reason?: string
}

/** A photo of a venue (JPEG, PNG or WebP, checked by content). */
export interface VenuePhoto {
  id: number
  venue_id: number
  file_name: string
  media_type: string
  size: number
  sha256: string
  by_user_id: number | null
  by_name: string
  created_at: string
}

/** The server's limits (docs/api.md). */
export const kMaxPhotoBytes = 5 * 1024 * 1024
export const kMaxPhotos = 10
export const kPhotoExtensions = '.jpg,.jpeg,.png,.webp'

const venues = '/api/v1/venues'
const bookings = '/api/v1/bookings'
const of = (id: number) => `${venues}/${id}`

/** Newest first. */
export const listVenues = (query: VenueQuery = {}) => http.get<Page<Venue>>(venues, { ...query })
export const getVenue = (id: number) => http.get<Venue>(of(id))
export const createVenue = (body: VenueCreate) => http.post<Venue>(venues, body)
export const updateVenue = (id: number, body: VenueUpdate) => http.patch<Venue>(of(id), body)
/** The same status again → 409. */
export const transitionVenue = (id: number, to: VenueStatus, reason?: string) =>
  http.post<Venue>(`${of(id)}/transitions`, reason ? { to, reason } : { to })

/** 409 on an overlap (the message and `slots[i]` details name every clashing date) or a closed venue. */
export const bookVenue = (id: number, body: BookingCreate) => http.post<Booked>(`${of(id)}/bookings`, body)
/** [from, to), at most 62 days; `to` a date is inclusive. */
export const getCalendar = (id: number, from: string, to: string) => http.get<Calendar>(`${of(id)}/bookings`, { from, to })

/** The review queue is `status: 'pending'` (soonest first); other lists latest first. */
export const listBookings = (query: BookingQuery = {}) => http.get<Page<Booking>>(bookings, { ...query })
export const getBooking = (id: number) => http.get<Booking>(`${bookings}/${id}`)
export const reviewBooking = (id: number, body: Review) => http.post<Booking>(`${bookings}/${id}/review`, body)
export const cancelBooking = (id: number, reason?: string) =>
  http.post<Booking>(`${bookings}/${id}/cancel`, reason ? { reason } : {})

export const listVenuePhotos = (id: number) => http.get<{ items: VenuePhoto[] }>(`${of(id)}/photos`)
/** 413 over the size limit, 415 unless JPEG, PNG or WebP, 409 once the venue has `kMaxPhotos`. */
export const uploadVenuePhoto = (id: number, file: File) => http.upload<VenuePhoto>(`${of(id)}/photos`, file)
export const venuePhotoUrl = (id: number, photoId: number) => `${of(id)}/photos/${photoId}`
export const deleteVenuePhoto = (id: number, photoId: number) => http.delete<unknown>(`${of(id)}/photos/${photoId}`)
