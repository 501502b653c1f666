/**
 * Event times on the phone, always in Beijing time (Asia/Shanghai, the server's calendar, SPEC
 * §2) whatever the phone's own zone: `12月4日周五 09:00–11:00`, `Fri, Dec 4 09:00–11:00`; the
 * year is named only when it is not the current one.
 */
const kZone = 'Asia/Shanghai'
const formats = new Map<string, Intl.DateTimeFormat>()

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let found = formats.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone: kZone, ...options })
    formats.set(key, found)
  }
  return found
}

/** The Beijing calendar day of `at` as YYYY-MM-DD. */
function dayKey(at: Date): string {
  return format('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}

/** The day with its weekday, the year too when it is not the current Beijing year. */
export function formatDay(iso: string, locale: string): string {
  const at = new Date(iso)
  const withYear = dayKey(at).slice(0, 4) !== dayKey(new Date()).slice(0, 4)
  return format(locale, { year: withYear ? 'numeric' : undefined, month: 'short', day: 'numeric', weekday: 'short' }).format(at)
}

/** HH:mm in Beijing time. */
export function formatClock(iso: string): string {
  return format('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))
}

/** A moment: its day and time. */
export function formatMoment(iso: string, locale: string): string {
  return `${formatDay(iso, locale)} ${formatClock(iso)}`
}

/** `[start, end)`: one day and two times, or two moments when it spans days. */
export function formatSpan(start: string, end: string, locale: string): string {
  const sameDay = dayKey(new Date(start)) === dayKey(new Date(end))
  return sameDay
    ? `${formatDay(start, locale)} ${formatClock(start)}–${formatClock(end)}`
    : `${formatMoment(start, locale)} – ${formatMoment(end, locale)}`
}

/** `ms` as the server writes date-times: `2026-12-04T09:30:00+08:00`. */
export function toBeijingIso(ms: number): string {
  return `${new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19)}+08:00`
}
