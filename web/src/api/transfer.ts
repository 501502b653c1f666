import { i18n } from '@/locales'
import { useAuthStore } from '@/stores/auth'
import { ApiError, saveBlob, type ApiErrorDetail, type Query } from './http'

/**
 * File transfers that report progress, for long imports and exports: an upload through
 * XMLHttpRequest (fetch reports no upload progress) and a download read chunk by chunk (a
 * streamed CSV has no length, so `total` may be unknown). Errors are `ApiError`s as for JSON
 * requests.
 */

/** Where a transfer is: sending the file, waiting for the server, or receiving the answer. */
export type TransferPhase = 'uploading' | 'processing' | 'downloading'

export interface TransferProgress {
  phase: TransferPhase
  /** Bytes sent (uploading) or received (downloading) so far. */
  loaded: number
  /** All bytes, when known. */
  total?: number
}

export type ProgressHandler = (progress: TransferProgress) => void

function url(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

function headers(method: string): Record<string, string> {
  const out: Record<string, string> = { 'Accept-Language': i18n.global.locale.value }
  const csrf = useAuthStore().csrfToken
  if (method !== 'GET' && csrf) out['X-CSRF-Token'] = csrf
  return out
}

function form(file: File): FormData {
  const data = new FormData()
  data.append('file', file, file.name)
  return data
}

/** The error envelope of a failed answer (SPEC §3), or a generic error when it is not one. */
function apiError(status: number, text: string, statusText = ''): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } }
    if (body.error?.code) {
      return new ApiError(status, body.error.code, body.error.message ?? body.error.code, body.error.details ?? [])
    }
  } catch {
    // Not a JSON envelope (e.g. a proxy's HTML error page).
  }
  return new ApiError(status, `http_${status}`, statusText || `HTTP ${status}`)
}

/** The file name of a `Content-Disposition` header: RFC 5987 `filename*` first, then `filename`. */
function dispositionFileName(header: string | null): string | undefined {
  if (!header) return undefined
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // Malformed percent-encoding: try the plain form.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  return plain?.[1]?.trim() || undefined
}

/** POSTs `file` (multipart part `file`) and parses the JSON answer, reporting upload progress. */
export function uploadWithProgress<T>(
  path: string,
  file: File,
  query: Query | undefined,
  onProgress?: ProgressHandler,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url(path, query))
    xhr.setRequestHeader('Accept', 'application/json')
    for (const [name, value] of Object.entries(headers('POST'))) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => {
      onProgress?.({ phase: 'uploading', loaded: event.loaded, total: event.lengthComputable ? event.total : undefined })
    }
    xhr.upload.onload = () => onProgress?.({ phase: 'processing', loaded: file.size, total: file.size })
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : {}) as T)
        } catch {
          reject(new ApiError(xhr.status, 'bad_response', 'not JSON'))
        }
      } else {
        reject(apiError(xhr.status, xhr.responseText, xhr.statusText))
      }
    }
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network error'))
    xhr.send(form(file))
  })
}

interface DownloadOptions {
  query?: Query
  /** Uploaded as the multipart part `file` (then the request is a POST). */
  file?: File
  /** Used when the answer names no file. */
  fileName: string
  onProgress?: ProgressHandler
}

/**
 * Fetches a file, reading it chunk by chunk to report the bytes received, and saves it under the
 * name the server gives (`Content-Disposition`), else `options.fileName`.
 */
export async function downloadWithProgress(path: string, options: DownloadOptions): Promise<void> {
  const method = options.file ? 'POST' : 'GET'
  let response: Response
  try {
    response = await fetch(url(path, options.query), {
      method,
      headers: { Accept: '*/*', ...headers(method) },
      credentials: 'same-origin',
      body: options.file ? form(options.file) : undefined,
    })
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause))
  }
  if (!response.ok) throw apiError(response.status, await response.text(), response.statusText)
  const length = Number(response.headers.get('Content-Length'))
  const total = Number.isFinite(length) && length > 0 ? length : undefined
  const chunks: Uint8Array[] = []
  let loaded = 0
  options.onProgress?.({ phase: 'downloading', loaded, total })
  const reader = response.body?.getReader()
  for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
    chunks.push(part.value)
    loaded += part.value.byteLength
    options.onProgress?.({ phase: 'downloading', loaded, total })
  }
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream'
  saveBlob(new Blob(chunks as BlobPart[], { type }), dispositionFileName(response.headers.get('Content-Disposition')) ?? options.fileName)
}

/** "1.2 MB": a byte count for people. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
