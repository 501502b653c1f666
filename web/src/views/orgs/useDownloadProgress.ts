import { h, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { formatBytes, type ProgressHandler, type TransferProgress } from '@/api/transfer'

/**
 * A download's progress as a message that stays while bytes arrive ("正在导出，已接收 1.2 MB",
 * with the total when the server sends one) and closes when the download ends, however it ends.
 */
export function useDownloadProgress() {
  const { t } = useI18n()

  async function withDownloadProgress(run: (onProgress: ProgressHandler) => Promise<void>): Promise<void> {
    const progress = ref<TransferProgress>({ phase: 'downloading', loaded: 0 })
    const text = () => {
      const { loaded, total } = progress.value
      return total
        ? t('orgs.export.progressTotal', { loaded: formatBytes(loaded), total: formatBytes(total) })
        : t('orgs.export.progress', { loaded: formatBytes(loaded) })
    }
    const message = ElMessage({
      message: () => h('span', { class: 'download-progress' }, text()),
      type: 'info',
      duration: 0,
    })
    try {
      await run((p) => (progress.value = p))
    } finally {
      message.close()
    }
  }

  return { withDownloadProgress }
}
