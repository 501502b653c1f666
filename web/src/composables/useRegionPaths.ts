import { reactive } from 'vue'
import { listAllRegions } from '@/api/regions'

/** Every region loaded so far, by code: its name and parent, shared by all pages of this load. */
const known = reactive(new Map<string, { name: string; parent: string | null }>())
/** Parents whose children are loaded or loading (undefined: the provinces). */
const loaded = new Map<string, Promise<void>>()

function loadChildren(parent?: string): Promise<void> {
  const key = parent ?? ''
  let pending = loaded.get(key)
  if (!pending) {
    pending = listAllRegions(parent)
      .then((regions) => {
        for (const r of regions) known.set(r.code, { name: r.name, parent: r.parent_code })
      })
      .catch((error: unknown) => {
        loaded.delete(key) // try again next time
        throw error
      })
    loaded.set(key, pending)
  }
  return pending
}

const unique = (codes: Iterable<string>) => [...new Set(codes)]

/**
 * Full region paths for list pages (陕西省 / 西安市 / 雁塔区) from the regions API without a
 * request per row: `resolve(codes)` loads, once per page load, the provinces and then the
 * children of each province and city the codes lie in (GB/T 2260 codes: the first two digits
 * name the province, the first four the city); `path(code, name)` is the path as far as it is
 * known, `name` alone until then. A municipality's repeated name (北京市 / 北京市) shows once.
 */
export function useRegionPaths() {
  async function resolve(codes: Iterable<string | null | undefined>) {
    const wanted = unique([...codes].filter((c): c is string => typeof c === 'string' && /^\d{6}$/.test(c)))
    if (wanted.length === 0) return
    await loadChildren()
    const provinces = unique(wanted.map((c) => `${c.slice(0, 2)}0000`)).filter((p) => known.has(p))
    await Promise.all(provinces.map((p) => loadChildren(p)))
    const cities = unique(wanted.map((c) => `${c.slice(0, 4)}00`)).filter((c) => known.has(c) && !provinces.includes(c))
    await Promise.all(cities.filter((c) => wanted.some((w) => w !== c && w.startsWith(c.slice(0, 4)))).map((c) => loadChildren(c)))
  }

  function path(code: string | null | undefined, name = ''): string {
    if (!code || !known.has(code)) return name
    const names: string[] = []
    for (let at: string | null = code; at && known.has(at); at = known.get(at)!.parent) {
      const here = known.get(at)!.name
      if (names[0] !== here) names.unshift(here)
    }
    return names.join(' / ')
  }

  return { resolve, path }
}
