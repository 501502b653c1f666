import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import { listDictionaries, type Dictionary } from '@/api/dictionaries'
import { useLocaleStore } from './locale'

/** A choice for a filter drop-down or a form select. */
export interface DictionaryOption {
  value: string
  label: string
}

/**
 * The server's data dictionary, loaded once per page load (`load()`; concurrent callers share
 * the request). `label(name, code)` is what a person sees for a code, in the UI language; a code
 * the dictionary does not know shows as itself, so nothing disappears.
 */
export const useDictionaryStore = defineStore('dictionary', () => {
  const byName = ref(new Map<string, Dictionary>())
  const locale = useLocaleStore()
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    if (!loading) {
      loading = listDictionaries()
        .then((page) => {
          byName.value = new Map(page.items.map((d) => [d.name, d]))
        })
        .catch((error: unknown) => {
          loading = null // try again on the next call
          throw error
        })
    }
    return loading
  }

  const english = computed(() => locale.locale === 'en')

  function label(name: string, code: string | null | undefined): string {
    if (code === null || code === undefined || code === '') return ''
    const entry = byName.value.get(name)?.entries.find((e) => e.code === code)
    if (!entry) return code
    return english.value ? entry.label_en : entry.label
  }

  function options(name: string): DictionaryOption[] {
    return (byName.value.get(name)?.entries ?? []).map((e) => ({
      value: e.code,
      label: english.value ? e.label_en : e.label,
    }))
  }

  const loaded = computed(() => byName.value.size > 0)

  return { load, label, options, loaded }
})
