/**
 * An audit entry's before/after values as rows a person reads — "字段：旧值 → 新值" — instead of
 * raw JSON: field names labelled, codes shown through the data dictionary, unit ids and region
 * codes by name, unchanged fields of an update left out.
 */

/** Fields whose values are codes of a dictionary (GET /api/v1/dictionaries). */
export const kFieldDictionaries: Record<string, string> = {
  status: 'org_status',
  org_type: 'org_type',
  kind: 'unit_kind',
  service_categories: 'service_category',
  category: 'service_category',
  mode: 'project_mode',
  target_groups: 'target_group',
  roles: 'role',
  grade: 'grade',
  labour_field: 'yes_no',
  disabled: 'yes_no',
  must_change_password: 'yes_no',
  require_mfa_for_admins: 'yes_no',
}

/** Fields whose values are unit ids, and those whose values are region codes (shown by name). */
export const kUnitIdFields: readonly string[] = ['unit_id', 'registration_unit_id', 'parent_id', 'funding_unit_id']
export const kRegionCodeFields: readonly string[] = ['region_code']

/** The name a reference value reads as (a unit id's unit, a region code's region), if known. */
export type Named = (field: string, value: unknown) => string | undefined

export interface AuditReferences {
  unitIds: number[]
  regionCodes: string[]
}

/** The unit ids and region codes `records` (an entry's before and after) hold, each once. */
export function auditReferences(...records: unknown[]): AuditReferences {
  const unitIds = new Set<number>()
  const regionCodes = new Set<string>()
  for (const record of records) {
    if (!isObject(record)) continue
    for (const [field, value] of Object.entries(record)) {
      if (kUnitIdFields.includes(field) && typeof value === 'number') unitIds.add(value)
      if (kRegionCodeFields.includes(field) && typeof value === 'string' && value) regionCodes.add(value)
    }
  }
  return { unitIds: [...unitIds], regionCodes: [...regionCodes] }
}

export interface AuditDiffRow {
  field: string
  /** Absent for a creation. */
  before?: string
  /** Absent for a deletion. */
  after?: string
}

type Label = (dictionary: string, code: string) => string

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A value for people: references through `named` (falling back to the value itself), codes
 * through `label`, lists joined, empty as `none`.
 */
export function displayValue(field: string, value: unknown, label: Label, none: string, named?: Named): string {
  if (value === null || value === undefined || value === '') return none
  const dictionary = kFieldDictionaries[field]
  const one = (v: unknown): string => {
    const name = named?.(field, v)
    if (name !== undefined) return name
    if (dictionary && (typeof v === 'string' || typeof v === 'boolean')) return label(dictionary, String(v))
    if (typeof v === 'object' && v !== null) return JSON.stringify(v)
    return String(v)
  }
  if (Array.isArray(value)) return value.length === 0 ? none : value.map(one).join('、')
  return one(value)
}

/**
 * Rows of the fields `before` and `after` hold: for an update only those that changed, for a
 * creation (no `before`) or a deletion (no `after`) every field, in the order the record lists
 * them. A value that is not an object becomes one row, field "".
 */
export function auditDiff(
  before: unknown,
  after: unknown,
  label: Label,
  none: string,
  named?: Named,
): AuditDiffRow[] {
  const hasBefore = before !== null && before !== undefined
  const hasAfter = after !== null && after !== undefined
  if ((hasBefore && !isObject(before)) || (hasAfter && !isObject(after))) {
    return [
      {
        field: '',
        before: hasBefore ? displayValue('', before, label, none, named) : undefined,
        after: hasAfter ? displayValue('', after, label, none, named) : undefined,
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
      before: hasBefore ? displayValue(field, b[field], label, none, named) : undefined,
      after: hasAfter ? displayValue(field, a[field], label, none, named) : undefined,
    })
  }
  return rows
}
