import { reactive } from 'vue'
import { ApiError, type ApiErrorDetail } from '@/api/http'

/**
 * Server field errors (a 422's details) for a Vant form: `errors[field]` goes to the field's
 * `error-message`. `show(error)` keeps the details of the named fields and returns them, so the
 * caller reports only the rest above the form (useApiError's `shown`).
 */
export function useFieldErrors<F extends string>(fields: readonly F[]) {
  const errors = reactive<Record<string, string>>({}) as Record<F, string>

  function clear(field?: F) {
    for (const f of field ? [field] : fields) errors[f] = ''
  }

  function show(error: unknown): ApiErrorDetail[] {
    clear()
    if (!(error instanceof ApiError) || error.status !== 422) return []
    const shown: ApiErrorDetail[] = []
    for (const detail of error.details) {
      const field = fields.find((f) => f === detail.field)
      if (!field) continue
      errors[field] = errors[field] ? `${errors[field]}；${detail.message}` : detail.message
      shown.push(detail)
    }
    return shown
  }

  clear()
  return { errors, clear, show }
}
