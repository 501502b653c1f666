import { useI18n } from 'vue-i18n'
import type { LyEvent } from '@/api/events'
import { ApiError } from '@/api/http'
import { useApiError } from '@/composables/useApiError'
import type { MyEvent } from './api'
import { checkinOpensAt } from './eventState'
import { formatMoment, formatSpan } from './eventTime'

/**
 * What a refused sign-up, cancellation or check-in means for the worker, in its words: the
 * server's 404/409/422 are told apart by status and `details[0].field` (docs/api.md "Events,
 * sign-ups and check-ins"), times are named as the page shows them; anything else is
 * useApiError's text (busy, offline…).
 */
export function useEventErrors() {
  const { t, locale } = useI18n()
  const describe = useApiError()
  const at = (iso: string) => formatMoment(iso, locale.value)
  const fieldOf = (error: ApiError) => error.details[0]?.field ?? ''

  function signup(error: unknown, event: LyEvent): string {
    if (!(error instanceof ApiError)) return describe(error)
    const field = fieldOf(error)
    if (error.status === 404) return t('mobile.event.errors.notFound')
    if (error.status === 409 && field === 'capacity') return t('mobile.event.errors.full')
    if (error.status === 409 && field === 'worker_id') return t('mobile.event.errors.already')
    if (error.status === 422 && field === 'signup_opens' && event.signup_opens) {
      return t('mobile.event.errors.notOpen', { time: at(event.signup_opens) })
    }
    if (error.status === 422 && field === 'signup_closes') return t('mobile.event.errors.closed', { time: at(event.signup_closes) })
    if (error.status === 422 && field === 'status') return t('mobile.event.errors.notPublished')
    if (error.status === 422 && field === 'worker_id') return t('mobile.event.errors.noWorker')
    return describe(error)
  }

  function cancel(error: unknown): string {
    if (!(error instanceof ApiError)) return describe(error)
    if (error.status === 404) return t('mobile.event.errors.noSignup')
    if (error.status === 409) return t('mobile.event.errors.cancelLate')
    return describe(error)
  }

  /** `mine`: the worker's entry for the event, to tell a waitlisted worker from one not signed up. */
  function checkin(error: unknown, event: LyEvent | null, mine: MyEvent | null): string {
    if (!(error instanceof ApiError)) return describe(error)
    const field = fieldOf(error)
    if (error.status === 404) return t('mobile.event.errors.notFound')
    if (error.status === 409) return t('mobile.checkin.errors.already')
    if (error.status === 422 && field === 'worker_id') {
      return mine?.signup_status === 'waitlisted'
        ? t('mobile.checkin.errors.waitlisted', { position: mine.position ?? '' })
        : t('mobile.checkin.errors.notSignedUp')
    }
    if (error.status === 422 && field === 'at' && event) {
      const opens = new Date(checkinOpensAt(event)).toISOString()
      return t('mobile.checkin.errors.outside', { span: formatSpan(opens, event.end, locale.value) })
    }
    if (error.status === 422 && field === 'token') return t('mobile.checkin.errors.token')
    if (error.status === 422 && field === 'code') return t('mobile.checkin.errors.code')
    return describe(error)
  }

  return { signup, cancel, checkin }
}
