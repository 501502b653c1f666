import type { LyEvent } from '@/api/events'
import type { MyEvent } from './api'

/**
 * Where an event stands for a worker at `now` (ms since the epoch), by the server's rules (docs/api.md
 * "Events, sign-ups and check-ins"); the server decides, these only choose what the page offers.
 */

/** Check-in opens this long before the start and closes at the end: `[start − 30 min, end)`. */
export const kCheckinLeadMs = 30 * 60 * 1000

/** The sign-up window `[signup_opens, signup_closes)`: 未开始 / 报名中 / 已截止. */
export type SignupWindow = 'not_open' | 'open' | 'closed'

export function signupWindow(event: LyEvent, now: number): SignupWindow {
  if (event.signup_opens && now < Date.parse(event.signup_opens)) return 'not_open'
  if (now >= Date.parse(event.signup_closes)) return 'closed'
  return 'open'
}

/** When the check-in window opens (ms). */
export const checkinOpensAt = (event: LyEvent) => Date.parse(event.start) - kCheckinLeadMs

/** Inside the check-in window of a published or ended event. */
export function checkinOpen(event: LyEvent, now: number): boolean {
  return (
    (event.status === 'published' || event.status === 'ended') &&
    checkinOpensAt(event) <= now &&
    now < Date.parse(event.end)
  )
}

/** Over for the worker: ended, cancelled or past its end. */
export function isOver(event: LyEvent, now: number): boolean {
  return event.status === 'ended' || event.status === 'cancelled' || now >= Date.parse(event.end)
}

/** A confirmed worker not checked in yet, inside the window. */
export function mayCheckIn(event: LyEvent, mine: MyEvent | null, now: number): boolean {
  return mine?.signup_status === 'confirmed' && !mine.checked_in_at && checkinOpen(event, now)
}

/** A sign-up (or place on the waiting list) the worker may still give up: before the start of a published event, not checked in. */
export function mayCancel(event: LyEvent, mine: MyEvent | null, now: number): boolean {
  return !!mine?.signup_status && !mine.checked_in_at && event.status === 'published' && now < Date.parse(event.start)
}
