import type { Ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { ApiError, type ApiErrorDetail } from '@/api/http'

/** The form item prop a server detail's `field` names: `service_categories[0]` → `service_categories`. */
export function detailProp(field: string, aliases: Record<string, string> = {}): string {
  const base = field.replace(/\[\d+\].*$/, '').replace(/\..*$/, '')
  return aliases[field] ?? aliases[base] ?? base
}

/**
 * The nested form item prop a server detail's `field` names, in Element Plus's dotted form:
 * `rubric[0].code` → `rubric.0.code`, `scores.effect` stays. A form whose rows or criteria each
 * have an item of their own (an editable table) gets each detail under its own cell.
 */
export function nestedProp(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1')
}

/**
 * Shows a failed request's field details under their fields of the Element Plus form `form`
 * (the item's validate state and message, as a failed rule would; a nested item such as
 * `rubric.0.code` first, else the field's base prop), scrolls to the first, and
 * returns the details it placed; a detail whose field has no form item is left for the caller
 * (the alert above the form). `aliases` maps a server field to a prop that differs from it.
 * `clear` removes what `show` set (a new submission clears it; so does the user editing the
 * field, when the item has rules that then pass).
 */
export function useFieldErrors(form: Ref<FormInstance | undefined>, aliases: Record<string, string> = {}) {
  let marked: string[] = []

  function clear() {
    if (marked.length) form.value?.clearValidate(marked)
    marked = []
  }

  function show(error: unknown): ApiErrorDetail[] {
    clear()
    const instance = form.value
    if (!instance || !(error instanceof ApiError)) return []
    const placed: ApiErrorDetail[] = []
    const messages = new Map<string, string[]>()
    for (const detail of error.details) {
      if (detail.row !== undefined) continue // a file's rows belong to the import report
      const nested = nestedProp(detail.field)
      const prop = aliases[detail.field] === undefined && instance.getField(nested) ? nested : detailProp(detail.field, aliases)
      if (!instance.getField(prop)) continue
      placed.push(detail)
      messages.set(prop, [...(messages.get(prop) ?? []), detail.message])
    }
    for (const [prop, texts] of messages) {
      const field = instance.getField(prop)!
      field.validateState = 'error'
      field.validateMessage = texts.join('；')
    }
    marked = [...messages.keys()]
    if (marked.length) instance.scrollToField(marked[0]!)
    return placed
  }

  return { show, clear }
}
