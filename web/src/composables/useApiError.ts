import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/http'

/**
 * Turns a failed request into text for the user, in the user's language: the message for the
 * error code (SPEC §3), then each field detail. `overrides` words a code for one context, e.g. a
 * 401 on the login form means wrong credentials. Unknown codes fall back to the server's message;
 * a 429 or 423 says how long `Retry-After` asks to wait.
 */
export function useApiError(overrides: Record<string, string> = {}) {
  const { t, te } = useI18n()
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error)
    const code = overrides[error.code] ?? error.code
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
