/**
 * The date arithmetic of the bookings calendar, on the server's calendar (Asia/Shanghai, +08:00):
 * days are `YYYY-MM-DD` texts and booking times are read from their +08:00 text, so the browser's
 * own time zone never shifts a booking. Weeks start on Monday.
 */

export type CalendarView = 'week' | 'month'

const kDayMs = 24 * 3600 * 1000

function toUtc(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  return Date.UTC(y!, m! - 1, d!)
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** `day` moved by `days` (negative: back). */
export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * kDayMs)
}

/** 0 Monday … 6 Sunday. */
export function weekday(day: string): number {
  return (new Date(toUtc(day)).getUTCDay() + 6) % 7
}

/** The Monday of `day`'s week. */
export function weekStart(day: string): string {
  return addDays(day, -weekday(day))
}

/** The first of `day`'s month. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`
}

/** `day` moved by whole months, clamped to the target month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number)
  const first = new Date(Date.UTC(y!, m! - 1 + months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  return fromUtc(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d!, last)))
}

/**
 * The days a view of `anchor` shows: a week from its Monday, or the whole weeks covering its
 * month (35 or 42 days, Monday to Sunday). The calendar asks the server for [first, last].
 */
export function viewDays(view: CalendarView, anchor: string): string[] {
  const first = view === 'week' ? weekStart(anchor) : weekStart(monthStart(anchor))
  let count = 7
  if (view === 'month') {
    const nextMonth = monthStart(addMonths(monthStart(anchor), 1))
    count = Math.ceil((toUtc(nextMonth) - toUtc(first)) / kDayMs / 7) * 7
  }
  return Array.from({ length: count }, (_, i) => addDays(first, i))
}

/** The day and minutes after midnight of a +08:00 date-time text (`2030-05-06T09:30:00+08:00`). */
export function wallTime(at: string): { day: string; minutes: number } {
  return { day: at.slice(0, 10), minutes: Number(at.slice(11, 13)) * 60 + Number(at.slice(14, 16)) }
}

/** `HH:MM` of a +08:00 date-time text. */
export const clockOf = (at: string) => at.slice(11, 16)

/** The part of a [start, end) interval on one day: minutes after midnight, end exclusive (up to 1440). */
export interface DaySegment {
  day: string
  from: number
  to: number
}

/**
 * The days an interval [start, end) covers (a booking may run past midnight, up to 7 days), each
 * with its part of the day; an end at exactly midnight adds nothing to the next day.
 */
export function segments(start: string, end: string): DaySegment[] {
  const s = wallTime(start)
  const e = wallTime(end)
  const out: DaySegment[] = []
  for (let day = s.day; day <= e.day; day = addDays(day, 1)) {
    const from = day === s.day ? s.minutes : 0
    const to = day === e.day ? e.minutes : 24 * 60
    if (to > from) out.push({ day, from, to })
  }
  return out
}

/** Whether the interval meets `day`. */
export const meetsDay = (start: string, end: string, day: string) => segments(start, end).some((s) => s.day === day)
