import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/http'

/**
 * Turns a failed request into text for the user, in the user's language: the message for the
 * error code (SPEC §3), then each field detail. `overrides` words a code for one context, e.g. a
 * 401 on the login form means wrong credentials. Unknown codes fall back to the server's message;
 * a 429, 423 or 503 says how long `Retry-After` asks to wait. A 503 (`unavailable`: the server is
 * busy, e.g. its database) reads as a transient state to retry, never as a fault; so does a 503
 * without an error envelope (a proxy's page).
 */
export function useApiError(overrides: Record<string, string> = {}) {
  const { t, te } = useI18n()
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error)
    const own = error.status === 503 && error.code === 'http_503' ? 'unavailable' : error.code
    const code = overrides[own] ?? own
    if (code === 'unavailable' && error.retryAfter) {
      return t('errors.unavailable_retry', { seconds: error.retryAfter })
    }
    if (code === 'too_many_requests' && error.retryAfter !== undefined) {
      return t('errors.too_many_requests_retry', { seconds: error.retryAfter })
    }
    if (code === 'locked' && error.retryAfter !== undefined) {
      return t('errors.locked_retry', { minutes: Math.max(1, Math.ceil(error.retryAfter / 60)) })
    }
    const key = `errors.${code}`
    const text = te(key) ? t(key) : error.message
    const fields = error.details.map((d) => `${d.field}: ${d.message}`)
    return fields.length ? `${text}（${fields.join('；')}）` : text
  }
}
