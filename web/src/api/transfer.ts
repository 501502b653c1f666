import { ApiError, buildUrl, fileForm, reportFailure, requestHeaders, toApiError, type Query } from './http'

/**
 * An upload that reports progress, for long imports: through XMLHttpRequest, since fetch reports
 * no upload progress (downloads report theirs through `http.download`'s `onProgress`). Headers,
 * errors and the 401 handling are the transport's (`http.ts`).
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

/** The answer of a finished XMLHttpRequest as a fetch Response (for `toApiError`). */
function responseOf(xhr: XMLHttpRequest): Response {
  const headers = new Headers()
  for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim())
  }
  return new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers })
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
    xhr.open('POST', buildUrl(path, query))
    for (const [name, value] of Object.entries(requestHeaders('POST'))) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => {
      onProgress?.({ phase: 'uploading', loaded: event.loaded, total: event.lengthComputable ? event.total : undefined })
    }
    xhr.upload.onload = () => onProgress?.({ phase: 'processing', loaded: file.size, total: file.size })
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        void toApiError(responseOf(xhr)).then((error) => reject(reportFailure(error)))
        return
      }
      try {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : {}) as T)
      } catch {
        reject(new ApiError(xhr.status, 'bad_response', 'not JSON'))
      }
    }
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network error'))
    xhr.send(fileForm(file, file.name))
  })
}

/** "1.2 MB": a byte count for people. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
