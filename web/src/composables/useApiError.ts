import { useI18n } from 'vue-i18n'
import { ApiError, type ApiErrorDetail } from '@/api/http'

/**
 * Turns a failed request into text for the user, in the user's language. In order: `overrides`
 * words a code for one context (a 401 on the login form means wrong credentials); a 429, 423 or
 * 503 says how long `Retry-After` asks to wait; then the server's own message when it worded it
 * for the reader (`ApiError.worded`: a 409 keeps its specific reason, "统一社会信用代码已被“某某协会”
 * 使用"); else the message for the error code (SPEC §3), and the server's text for unknown codes.
 * A 503 (`unavailable`) reads as a transient state to retry, never as a fault; so does a 503
 * without an error envelope (a proxy's page).
 *
 * The returned function takes `shown`: details already shown elsewhere (under their form
 * fields). The text then lists only the remaining details, or is empty when none remain; with
 * nothing shown elsewhere, the message comes with every detail it does not already contain.
 */
export function useApiError(overrides: Record<string, string> = {}) {
  const { t, te } = useI18n()

  function message(error: ApiError): string {
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
    if (error.worded && !(own in overrides)) return error.message
    const key = `errors.${code}`
    return te(key) ? t(key) : error.message
  }

  const line = (d: ApiErrorDetail) => `${d.field}: ${d.message}`

  return (error: unknown, shown: readonly ApiErrorDetail[] = []): string => {
    if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error)
    const rest = error.details.filter((d) => !shown.includes(d))
    if (shown.length) return rest.map(line).join('；')
    const text = message(error)
    const extra = rest.filter((d) => !text.includes(d.message)).map(line)
    return extra.length ? `${text}（${extra.join('；')}）` : text
  }
}
