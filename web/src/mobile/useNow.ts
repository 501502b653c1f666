import { onBeforeUnmount, ref } from 'vue'

/** The current time (ms), updated every `intervalMs` while the component lives, so windows open and close on screen. */
export function useNow(intervalMs = 15_000) {
  const now = ref(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), intervalMs)
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
