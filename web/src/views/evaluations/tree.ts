import type { Indicator } from '@/api/evaluations'

/** An indicator being edited: a stable key for the row, its inputs, its children. */
export interface EditableIndicator {
  key: number
  code: string
  name: string
  /** A leaf's points; an inner node's are its children's sum (maxOf). */
  max_score: number | undefined
  children: EditableIndicator[]
}

let nextKey = 1

export function blankIndicator(code = ''): EditableIndicator {
  return { key: nextKey++, code, name: '', max_score: undefined, children: [] }
}

export function toEditable(indicators: Indicator[]): EditableIndicator[] {
  return indicators.map((n) => ({
    key: nextKey++,
    code: n.code,
    name: n.name,
    max_score: n.children?.length ? undefined : n.max_score,
    children: toEditable(n.children ?? []),
  }))
}

/** Points summed exactly in tenths (one decimal at most), as the server sums them. */
export function maxOf(node: EditableIndicator): number {
  if (!node.children.length) return node.max_score ?? 0
  return node.children.reduce((tenths, c) => tenths + Math.round(maxOf(c) * 10), 0) / 10
}

export function leafSum(nodes: EditableIndicator[]): number {
  return nodes.reduce((tenths, n) => tenths + Math.round(maxOf(n) * 10), 0) / 10
}

/** The API's tree: inner maxima are their children's sums. */
export function toIndicators(nodes: EditableIndicator[]): Indicator[] {
  return nodes.map((n) => {
    const out: Indicator = { code: n.code.trim(), name: n.name.trim(), max_score: maxOf(n) }
    if (n.children.length) out.children = toIndicators(n.children)
    return out
  })
}

/** A child's suggested code: the parent's and the next number ("2" → "2.3"). */
export function childCode(parent: EditableIndicator): string {
  return parent.code ? `${parent.code}.${parent.children.length + 1}` : ''
}
