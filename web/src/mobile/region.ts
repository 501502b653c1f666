import { getRegion } from '@/api/regions'
import type { RegionChoice } from './RegionPicker.vue'
import type { Worker } from './api'

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

/**
 * "Near me" before the worker chooses: the region it chose last on this device, else its
 * roster entry's region, else (no roster entry readable) the whole country, labelled `nation`.
 */
export async function nearMeRegion(loadWorker: () => Promise<Worker>, nation: string): Promise<RegionChoice> {
  const stored = storedRegion()
  if (stored) return stored
  try {
    const worker = await loadWorker()
    return worker.region_code ? { code: worker.region_code, label: worker.region_name || worker.region_code } : { code: '', label: nation }
  } catch {
    return { code: '', label: nation }
  }
}

/**
 * The region one level up from `code` (a county's city, a city's province, a province's
 * nation as `{ code: '' }`), labelled with its path; null for the whole country or when the
 * region cannot be read. Costs one `GET /regions/{code}`.
 */
export async function widerRegion(code: string, nation: string): Promise<RegionChoice | null> {
  if (!code) return null
  try {
    const path = (await getRegion(code)).path
    // path runs from the nation (index 0) down to `code`.
    if (path.length < 2) return null
    const above = path.slice(1, -1)
    if (above.length === 0) return { code: '', label: nation }
    return { code: above[above.length - 1].code, label: above.map((r) => r.name).join(' / ') }
  } catch {
    return null
  }
}
