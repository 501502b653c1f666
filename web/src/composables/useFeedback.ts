import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import { isTransientError } from '@/api/http'
import { useApiError } from './useApiError'

/** Toasts and confirmations for pages (the transport never shows UI). */
export function useFeedback() {
  const { t } = useI18n()
  const describeError = useApiError()

  /** Resolves true when the user confirms. */
  async function confirm(message: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, t('common.confirmTitle'), {
        type: 'warning',
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
      })
      return true
    } catch {
      return false
    }
  }

  /** Asks for a password; resolves with it, or null when cancelled. */
  async function promptPassword(message: string): Promise<string | null> {
    try {
      const { value } = await ElMessageBox.prompt(message, t('common.confirmTitle'), {
        inputType: 'password',
        inputPattern: /\S/,
        inputErrorMessage: t('password.required'),
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
      })
      return value
    } catch {
      return null
    }
  }

  const success = (message = t('common.done')) => ElMessage.success(message)
  /** A busy or unreachable server (503, 429, no answer) is a warning to retry, not a failure. */
  const failure = (error: unknown) =>
    ElMessage({ type: isTransientError(error) ? 'warning' : 'error', message: describeError(error), duration: 5000 })

  return { confirm, promptPassword, success, failure, describeError }
}
