import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { kHoldingStatuses, reviewBooking, type Booking } from '@/api/venues'
import { useFeedback } from '@/composables/useFeedback'
import { useAuthStore } from '@/stores/auth'
import { formatDateTime } from '@/utils/format'

/**
 * What the user may do with a booking and the doing of it, shared by the drawer and the review
 * queue: 批准 after a confirmation (by `venue:booking:review`, the venue's unit), 驳回 and 取消预约
 * through BookingActionDialog (`acting`, `action`, `dialogOpen` drive it). The server decides in the
 * end (403 / 404 / 409 read as a toast); `onDone` receives the changed booking.
 */
export function useBookingActions(onDone: (booking: Booking) => void) {
  const { t } = useI18n()
  const { confirm, success, failure } = useFeedback()
  const auth = useAuthStore()
  const acting = ref<Booking | null>(null)
  const action = ref<'reject' | 'cancel'>('reject')
  const dialogOpen = ref(false)

  const canReview = (b: Booking) => b.status === 'pending' && auth.hasPermission('venue:booking:review')
  const canCancel = (b: Booking) =>
    kHoldingStatuses.includes(b.status) && auth.hasPermission('venue:booking:create') && Date.parse(b.end) > Date.now()

  async function approve(b: Booking) {
    if (!(await confirm(t('venues.approveConfirm', { org: b.org_name, time: formatDateTime(b.start) })))) return
    try {
      const saved = await reviewBooking(b.id, { action: 'approve' })
      success(t('venues.approved'))
      onDone(saved)
    } catch (error) {
      failure(error)
    }
  }

  function open(b: Booking, next: 'reject' | 'cancel') {
    acting.value = b
    action.value = next
    dialogOpen.value = true
  }

  return { acting, action, dialogOpen, canReview, canCancel, approve, reject: (b: Booking) => open(b, 'reject'), cancel: (b: Booking) => open(b, 'cancel') }
}
