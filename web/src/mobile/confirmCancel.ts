import { useI18n } from 'vue-i18n'
import { showConfirmDialog } from 'vant'
import 'vant/es/dialog/style/index'

/**
 * The question before a worker cancels its sign-up (or leaves the waiting list) for the event
 * `title`: resolves true when the worker confirms. Call in a component's setup.
 */
export function useConfirmCancel() {
  const { t } = useI18n()
  return (title: string, waitlisted: boolean): Promise<boolean> =>
    showConfirmDialog({
      title: waitlisted ? t('mobile.event.cancelWaitlist') : t('mobile.event.cancel'),
      message: t(waitlisted ? 'mobile.event.cancelWaitlistConfirm' : 'mobile.event.cancelConfirm', { title }),
      confirmButtonText: t('mobile.event.cancelYes'),
      cancelButtonText: t('mobile.event.cancelNo'),
    }).then(
      () => true,
      () => false,
    )
}
