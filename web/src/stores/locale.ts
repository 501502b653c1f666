import { ref, watch } from 'vue'
import { defineStore } from 'pinia'
import { i18n, isSupportedLocale, kDefaultLocale, type Locale } from '@/locales'

const kStorageKey = 'lianyin.locale'

function storedLocale(): Locale {
  const saved = localStorage.getItem(kStorageKey)
  return saved && isSupportedLocale(saved) ? saved : kDefaultLocale
}

/** The UI language, remembered in localStorage and applied to vue-i18n and <html lang>. */
export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<Locale>(storedLocale())

  watch(
    locale,
    (value) => {
      i18n.global.locale.value = value
      document.documentElement.lang = value
      document.title = i18n.global.t('app.title')
      localStorage.setItem(kStorageKey, value)
    },
    { immediate: true },
  )

  return { locale }
})
