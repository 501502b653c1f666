import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'
import en from './en'

export const kSupportedLocales = ['zh-CN', 'en'] as const
export type Locale = (typeof kSupportedLocales)[number]
export const kDefaultLocale: Locale = 'zh-CN'

export function isSupportedLocale(value: string): value is Locale {
  return (kSupportedLocales as readonly string[]).includes(value)
}

/** Language names are shown in their own language so anyone can find theirs. */
export const kLocaleLabels: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' }

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: kDefaultLocale,
  fallbackLocale: kDefaultLocale,
  messages: { 'zh-CN': zhCN, en },
})
