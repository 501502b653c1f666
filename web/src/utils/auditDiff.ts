/**
 * An audit entry's before/after values as rows a person reads — "字段：旧值 → 新值" — instead of
 * raw JSON: field names labelled, codes shown through the data dictionary, unchanged fields of
 * an update left out.
 */

/** Fields whose values are codes of a dictionary (GET /api/v1/dictionaries). */
export const kFieldDictionaries: Record<string, string> = {
  status: 'org_status',
  org_type: 'org_type',
  kind: 'unit_kind',
  service_categories: 'service_category',
  roles: 'role',
  grade: 'grade',
  labour_field: 'yes_no',
  disabled: 'yes_no',
  must_change_password: 'yes_no',
  require_mfa_for_admins: 'yes_no',
}

export interface AuditDiffRow {
  field: string
  /** Absent for a creation. */
  before?: string
  /** Absent for a deletion. */
  after?: string
}

type Label = (dictionary: string, code: string) => string

/** A value for people: codes through `label`, lists joined, empty as `none`. */
export function displayValue(field: string, value: unknown, label: Label, none: string): string {
  if (value === null || value === undefined || value === '') return none
  const dictionary = kFieldDictionaries[field]
  const one = (v: unknown): string => {
    if (dictionary && (typeof v === 'string' || typeof v === 'boolean')) return label(dictionary, String(v))
    if (typeof v === 'object' && v !== null) return JSON.stringify(v)
    return String(v)
  }
  if (Array.isArray(value)) return value.length === 0 ? none : value.map(one).join('、')
  return one(value)
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Rows of the fields `before` and `after` hold: for an update only those that changed, for a
 * creation (no `before`) or a deletion (no `after`) every field, in the order the record lists
 * them. A value that is not an object becomes one row, field "".
 */
export function auditDiff(before: unknown, after: unknown, label: Label, none: string): AuditDiffRow[] {
  const hasBefore = before !== null && before !== undefined
  const hasAfter = after !== null && after !== undefined
  if ((hasBefore && !isObject(before)) || (hasAfter && !isObject(after))) {
    return [
      {
        field: '',
        before: hasBefore ? displayValue('', before, label, none) : undefined,
        after: hasAfter ? displayValue('', after, label, none) : undefined,
      },
    ]
  }
  const b = (hasBefore ? before : {}) as Record<string, unknown>
  const a = (hasAfter ? after : {}) as Record<string, unknown>
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  const rows: AuditDiffRow[] = []
  for (const field of fields) {
    if (hasBefore && hasAfter && JSON.stringify(b[field]) === JSON.stringify(a[field])) continue
    rows.push({
      field,
      before: hasBefore ? displayValue(field, b[field], label, none) : undefined,
      after: hasAfter ? displayValue(field, a[field], label, none) : undefined,
    })
  }
  return rows
}
