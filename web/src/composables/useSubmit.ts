import { ref, type Ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { useApiError } from './useApiError'
import { useFieldErrors } from './useFieldErrors'

export interface SubmitOptions {
  /** The form whose items show the server's field details (useFieldErrors). */
  form?: Ref<FormInstance | undefined>
  /** Server field → form item prop, where they differ. */
  fields?: Record<string, string>
  /** Error code → message key for this form (useApiError's overrides). */
  overrides?: Record<string, string>
}

/**
 * The state of a form's submission: `saving` while `run` awaits its action, and `serverError`,
 * what of the error it ended with belongs to no field of `options.form`, worded for the user
 * (the details with a field show under it; both cleared when a run starts). `run` resolves true
 * when the action succeeded. `reset` clears both (a dialog reopening).
 */
export function useSubmit(options: SubmitOptions = {}) {
  const describeError = useApiError(options.overrides)
  const fieldErrors = options.form ? useFieldErrors(options.form, options.fields) : undefined
  const saving = ref(false)
  const serverError = ref('')

  function reset() {
    serverError.value = ''
    fieldErrors?.clear()
  }

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    saving.value = true
    reset()
    try {
      await action()
      return true
    } catch (error) {
      serverError.value = describeError(error, fieldErrors?.show(error) ?? [])
      return false
    } finally {
      saving.value = false
    }
  }

  return { saving, serverError, run, reset }
}
