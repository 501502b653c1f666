import { ref } from 'vue'
import { defineStore } from 'pinia'
import { useAuthStore } from '@/stores/auth'
import { getMyWorker, updateMyWorker, type MyWorkerPatch, type Worker } from './api'

/**
 * The signed-in worker's roster entry (`GET /me/worker`), read once per account and page load:
 * the events pages take its id and region from here, 我的 shows it. `load()` shares one request
 * among concurrent callers and reads again for another account (a sign-out and in).
 */
export const useMyWorkerStore = defineStore('m-worker', () => {
  const auth = useAuthStore()
  const worker = ref<Worker | null>(null)
  let loadedFor: number | null = null
  let pending: Promise<Worker> | null = null

  function load(force = false): Promise<Worker> {
    const userId = auth.user?.id ?? null
    if (!force && worker.value && loadedFor === userId) return Promise.resolve(worker.value)
    if (!force && pending && loadedFor === userId) return pending
    if (loadedFor !== userId) worker.value = null
    loadedFor = userId
    const request = getMyWorker()
      .then((found) => {
        if (loadedFor === userId) worker.value = found
        return found
      })
      .finally(() => {
        if (pending === request) pending = null
      })
    pending = request
    return request
  }

  /** PATCH /me/worker; the answer replaces the entry. Rejects with the server's error (422 with details). */
  async function update(patch: MyWorkerPatch): Promise<Worker> {
    const updated = await updateMyWorker(patch)
    worker.value = updated
    loadedFor = auth.user?.id ?? null
    return updated
  }

  return { worker, load, update }
})
