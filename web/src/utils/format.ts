/** `2023-04-01T09:00:00+08:00` → `2023-04-01 09:00:00` (the server writes Asia/Shanghai times). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  return value.replace('T', ' ').replace(/(\.\d+)?([+-]\d{2}:\d{2}|Z)$/, '')
}

/** Pretty JSON for an audit `before` / `after` value. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
}
