import { reactive } from 'vue'
import { listRegionsByCode, listUnitNames } from '@/api/names'

/** Names learnt so far, shared by every component of this page load. */
const unitNames = reactive(new Map<number, string>())
const regionNames = reactive(new Map<string, string>())
/** Asked for already (found or not), so nothing is asked twice. */
const askedUnits = new Set<number>()
const askedRegions = new Set<string>()
const wantedUnits = new Set<number>()
const wantedRegions = new Set<string>()
let flush: Promise<void> | null = null
const kBatch = 100

async function fetchNames(): Promise<void> {
  // Every component that asked during this task shares one request per kind (per 100 values).
  await new Promise((resolve) => setTimeout(resolve, 0))
  const units = [...wantedUnits]
  const regions = [...wantedRegions]
  wantedUnits.clear()
  wantedRegions.clear()
  flush = null
  const requests: Promise<void>[] = []
  for (let i = 0; i < units.length; i += kBatch) {
    requests.push(
      listUnitNames(units.slice(i, i + kBatch)).then((page) => {
        for (const unit of page.items) unitNames.set(unit.id, unit.name)
      }),
    )
  }
  for (let i = 0; i < regions.length; i += kBatch) {
    requests.push(
      listRegionsByCode(regions.slice(i, i + kBatch)).then((page) => {
        for (const region of page.items) regionNames.set(region.code, region.name)
      }),
    )
  }
  // A name that cannot be fetched shows as its id or code: nothing to report.
  await Promise.allSettled(requests)
}

/**
 * Names for unit ids and region codes that records show, e.g. in the audit detail: `want`
 * gathers what a component needs and resolves once the names are in; every component asking in
 * the same task shares one request per kind, and nothing is asked twice in a page load.
 * `unit(id)` / `region(code)` are the names known so far (reactive), undefined until then or
 * when out of the caller's scope.
 */
export function useRecordNames() {
  function want(units: Iterable<number>, regions: Iterable<string>): Promise<void> {
    for (const id of units) {
      if (!askedUnits.has(id)) {
        askedUnits.add(id)
        wantedUnits.add(id)
      }
    }
    for (const code of regions) {
      if (!askedRegions.has(code)) {
        askedRegions.add(code)
        wantedRegions.add(code)
      }
    }
    if (wantedUnits.size === 0 && wantedRegions.size === 0) return flush ?? Promise.resolve()
    flush ??= fetchNames()
    return flush
  }

  return {
    want,
    unit: (id: number) => unitNames.get(id),
    region: (code: string) => regionNames.get(code),
  }
}
