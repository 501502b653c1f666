import type { RegionChoice } from './RegionPicker.vue'

/**
 * The region and search text last used on 活动 by this account, kept for the browser tab, so
 * coming back from an event's page finds the same list; the region defaults to the worker's own.
 */
export interface EventsFilter {
  region: RegionChoice
  q: string
}

const kStorageKey = 'lianyin.m.events'

export function storedEventsFilter(userId: number | undefined): EventsFilter | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(kStorageKey) ?? 'null') as
      | (Partial<EventsFilter> & { user?: number })
      | null
    const region = value?.region
    if (!value || value.user !== userId || typeof region?.code !== 'string' || typeof region.label !== 'string') {
      return null
    }
    return { region: { code: region.code, label: region.label }, q: typeof value.q === 'string' ? value.q : '' }
  } catch {
    return null
  }
}

export function storeEventsFilter(userId: number | undefined, filter: EventsFilter): void {
  try {
    sessionStorage.setItem(kStorageKey, JSON.stringify({ user: userId, ...filter }))
  } catch {
    // Storage disabled: the list starts from the worker's region next time.
  }
}
