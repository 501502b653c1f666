import type { BookingStatus } from '@/api/venues'

/** One colour per booking status, shared by the tags and the calendar: 待审核 amber, 已批准 green, 已驳回 red, 已取消 grey. */
export const kBookingTagTypes: Record<BookingStatus, 'warning' | 'success' | 'danger' | 'info'> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  cancelled: 'info',
}
