import { ref } from 'vue'
import { useApiError } from './useApiError'

/**
 * The state of a form's submission: `saving` while `run` awaits its action, and `serverError`,
 * the error it ended with worded for the user (cleared when a run starts). `run` resolves true
 * when the action succeeded.
 */
export function useSubmit() {
  const describeError = useApiError()
  const saving = ref(false)
  const serverError = ref('')

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    saving.value = true
    serverError.value = ''
    try {
      await action()
      return true
    } catch (error) {
      serverError.value = describeError(error)
      return false
    } finally {
      saving.value = false
    }
  }

  return { saving, serverError, run }
}
