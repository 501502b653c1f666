import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { getSettings, kDefaultSettings } from '@/api/settings'

/**
 * The password policy as a hint. Users who may not read the settings see the defaults;
 * the server enforces the real policy either way.
 */
export function usePasswordPolicy() {
  const { t } = useI18n()
  const settings = ref({ ...kDefaultSettings })

  async function load() {
    try {
      settings.value = await getSettings()
    } catch {
      // Keep the defaults.
    }
  }

  const hint = computed(() =>
    t('password.policy', { min: settings.value.password_min_length, classes: settings.value.password_min_classes }),
  )
  return { hint, load }
}
