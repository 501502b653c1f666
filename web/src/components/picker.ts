/** One choice of a SearchPicker: the value, its label in the box, and a hint beside it in the list. */
export interface PickerOption {
  id: number
  label: string
  hint?: string
}

/**
 * `name（parent）` for the options whose name another option shares, so same-named units read
 * apart (雁塔区总工会（西安市总工会）); the name alone otherwise.
 */
export function labelsTellingApart<T>(
  items: T[],
  name: (item: T) => string,
  parent: (item: T) => string | null | undefined,
): string[] {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(name(item), (counts.get(name(item)) ?? 0) + 1)
  return items.map((item) => {
    const own = name(item)
    const above = parent(item)
    return (counts.get(own) ?? 0) > 1 && above ? `${own}（${above}）` : own
  })
}
