import { computed, ref, watch } from 'vue'

export type TableDensity = 'large' | 'default' | 'small'

/** A column a person may hide: its key (as `shown(key)` takes it) and its i18n label key. */
export interface ChoosableColumn {
  key: string
  labelKey: string
}

interface Stored {
  hidden: string[]
  density: TableDensity
}

const kDensities: readonly TableDensity[] = ['large', 'default', 'small']

function restore(storageKey: string): Stored {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Partial<Stored>
    return {
      hidden: Array.isArray(raw.hidden) ? raw.hidden.filter((k): k is string => typeof k === 'string') : [],
      density: kDensities.includes(raw.density as TableDensity) ? (raw.density as TableDensity) : 'default',
    }
  } catch {
    return { hidden: [], density: 'default' }
  }
}

/**
 * A list page's table preferences, remembered in this browser (localStorage, per page): which
 * of `columns` are hidden and the row density. `page` names the page (its route name).
 */
export function useTableSettings(page: string, columns: readonly ChoosableColumn[]) {
  const storageKey = `lianyin.table.${page}`
  const stored = restore(storageKey)
  const known = new Set(columns.map((c) => c.key))
  const hidden = ref<string[]>(stored.hidden.filter((k) => known.has(k)))
  const density = ref<TableDensity>(stored.density)

  watch([hidden, density], () => {
    localStorage.setItem(storageKey, JSON.stringify({ hidden: hidden.value, density: density.value }))
  })

  const hiddenSet = computed(() => new Set(hidden.value))
  const shown = (key: string) => !hiddenSet.value.has(key)

  return { columns, hidden, density, shown }
}

export type TableSettings = ReturnType<typeof useTableSettings>
