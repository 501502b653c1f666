/** Today in Asia/Shanghai as YYYY-MM-DD (the server's calendar: SPEC §2). */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
}

/** The picker's local calendar day of `date` as YYYY-MM-DD. */
export function dayOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

/** For `el-date-picker`'s `disabled-date`: a day after today (Asia/Shanghai). */
export function isFuture(date: Date): boolean {
  return dayOf(date) > today()
}
