import type { RegionChoice } from './RegionPicker.vue'

/** The region a worker last chose for "services near me", kept on the device. */
const kStorageKey = 'lianyin.m.region'

export function storedRegion(): RegionChoice | null {
  try {
    const value = JSON.parse(localStorage.getItem(kStorageKey) ?? 'null') as Partial<RegionChoice> | null
    return value && typeof value.code === 'string' && typeof value.label === 'string'
      ? { code: value.code, label: value.label }
      : null
  } catch {
    return null
  }
}

export function storeRegion(choice: RegionChoice): void {
  try {
    localStorage.setItem(kStorageKey, JSON.stringify(choice))
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}
