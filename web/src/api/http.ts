import { i18n } from '@/locales'

/** One field-level problem from the server's error envelope. */
export interface ApiErrorDetail {
  field: string
  message: string
  /** The file row of a file import (row 1 is the header). */
  row?: number
}

/**
 * A failed request. `code` is the server's error code (SPEC §3, e.g. `unauthenticated`),
 * or `network_error` / `http_<status>` when no error envelope came back.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: ApiErrorDetail[]
  /** Seconds from a `Retry-After` header (423, 429, 503), when the server sent one. */
  readonly retryAfter: number | undefined
  /**
   * True when the server worded `message` and the details for the reader (it answered with a
   * `Content-Language`, honouring our `Accept-Language`): they can be shown as they are.
   */
  readonly worded: boolean

  constructor(
    status: number,
    code: string,
    message: string,
    details: ApiErrorDetail[] = [],
    retryAfter?: number,
    worded = false,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
    this.retryAfter = retryAfter
    this.worded = worded
  }
}

/** A page of a list endpoint (SPEC §3). */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

/** `page` and `page_size` of a list request. */
export interface PageQuery {
  page?: number
  page_size?: number
}

export type Query = Record<string, string | number | undefined>

interface RequestOptions {
  query?: Query
  body?: unknown
}

type ErrorHandler = (error: ApiError) => void
let onUnauthenticated: ErrorHandler | undefined
let onSessionRequirement: ErrorHandler | undefined
let csrfTokenSource: () => string = () => ''

/**
 * 403 codes meaning the session may only be used to meet a requirement first
 * (SPEC §4, docs/api.md): change the initial password, enrol TOTP.
 */
export const kSessionRequirementCodes: readonly string[] = ['password_change_required', 'mfa_enrolment_required']

/**
 * Registers what happens when a request answers 401 (e.g. the session expired).
 * Requests made with `silent401` (login, session restore) never trigger it.
 */
export function setUnauthenticatedHandler(handler: ErrorHandler): void {
  onUnauthenticated = handler
}

/** Registers what happens when a request answers 403 with one of `kSessionRequirementCodes`. */
export function setSessionRequirementHandler(handler: ErrorHandler): void {
  onSessionRequirement = handler
}

/**
 * Registers where the `X-CSRF-Token` of non-GET requests comes from (the session's token, kept
 * by the auth store). The transport imports no store, so the module graph stays acyclic.
 */
export function setCsrfTokenSource(source: () => string): void {
  csrfTokenSource = source
}

/**
 * True for a failure worth retrying later rather than a fault: 503 (`unavailable`, e.g. the
 * database is busy; `Retry-After` says when), 429, or no answer at all.
 */
export function isTransientError(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 503 || error.status === 429 || error.code === 'network_error')
}

function parseRetryAfter(response: Response): number | undefined {
  const value = response.headers.get('Retry-After')
  if (value === null) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds)
  // The HTTP-date form.
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000))
}

/** `path` with the non-empty values of `query` as its query string. */
export function buildUrl(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

/** The error envelope of a failed answer (SPEC §3) as an `ApiError`, or a generic one when it is not one. */
export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response)
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: ApiErrorDetail[] }
    }
    if (body.error?.code) {
      return new ApiError(
        response.status,
        body.error.code,
        body.error.message ?? body.error.code,
        body.error.details ?? [],
        retryAfter,
        response.headers.has('Content-Language'),
      )
    }
  } catch {
    // Not a JSON envelope (e.g. a proxy's HTML error page): fall through.
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`, [], retryAfter)
}

/**
 * Sends a request and resolves with the successful response; a failure becomes an `ApiError`
 * (after the 401 / session-requirement handlers ran). `form` is sent as multipart/form-data: the
 * browser sets its Content-Type with the boundary.
 */
/**
 * The headers every request sends: Accept, Accept-Language (the server words its errors in the
 * UI's language) and, unless it is a GET, the session's X-CSRF-Token.
 */
export function requestHeaders(method: string, accept = 'application/json'): Record<string, string> {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': i18n.global.locale.value }
  if (method !== 'GET') {
    const csrfToken = csrfTokenSource()
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken
  }
  return headers
}

/** Runs the registered handlers a failure calls for (401, session requirements), then returns it. */
export function reportFailure(error: ApiError, silent401 = false): ApiError {
  if (error.status === 401 && !silent401) onUnauthenticated?.(error)
  if (error.status === 403 && kSessionRequirementCodes.includes(error.code)) onSessionRequirement?.(error)
  return error
}

/**
 * Sends a request and resolves with the successful response; a failure becomes an `ApiError`
 * (after the 401 / session-requirement handlers ran). `form` is sent as multipart/form-data: the
 * browser sets its Content-Type with the boundary.
 */
async function send(
  method: string,
  path: string,
  options: RequestOptions & { form?: FormData; accept?: string } = {},
  silent401 = false,
): Promise<Response> {
  const headers = requestHeaders(method, options.accept)
  if (options.body !== undefined && options.form === undefined) headers['Content-Type'] = 'application/json'

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    })
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause))
  }

  if (!response.ok) throw reportFailure(await toApiError(response), silent401)
  return response
}

async function request<T>(
  method: string,
  path: string,
  options: RequestOptions & { form?: FormData } = {},
  silent401 = false,
): Promise<T> {
  const response = await send(method, path, options, silent401)
  // A DELETE may answer 204 without a body.
  const text = await response.text()
  return (text ? JSON.parse(text) : {}) as T
}

/** The file name of a `Content-Disposition` header (RFC 6266 `filename*` first), if any. */
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

/** Hands a Blob to the browser as a download: object URL → temporary `<a download>` → click → revoke. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  anchor.rel = 'noopener'
  anchor.style.display = 'none'
  document.body.appendChild(anchor)
  try {
    anchor.click()
  } finally {
    anchor.remove()
    // Revoke after the click has been dispatched so the browser has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }
}

/** A file with its multipart part named `file`. */
export function fileForm(file: Blob, fileName?: string): FormData {
  const form = new FormData()
  if (fileName !== undefined) form.append('file', file, fileName)
  else form.append('file', file)
  return form
}

export interface DownloadOptions {
  query?: Query
  /** Uploaded as the multipart part `file`; the request is then a POST. */
  file?: File
  /** Used when the response names no file. */
  fileName: string
  /** Called as the answer arrives: bytes so far, and all bytes when the server said (a streamed CSV does not). */
  onProgress?: (loaded: number, total?: number) => void
}

/** The whole body of `response`, read chunk by chunk for `onProgress`. */
async function readBlob(response: Response, onProgress?: DownloadOptions['onProgress']): Promise<Blob> {
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream'
  const reader = onProgress ? response.body?.getReader() : undefined
  if (!reader) return response.blob()
  const length = Number(response.headers.get('Content-Length'))
  const total = Number.isFinite(length) && length > 0 ? length : undefined
  const chunks: Uint8Array[] = []
  let loaded = 0
  onProgress?.(loaded, total)
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    chunks.push(part.value)
    loaded += part.value.byteLength
    onProgress?.(loaded, total)
  }
  return new Blob(chunks as BlobPart[], { type })
}

/**
 * Fetches a file and saves it (see `saveBlob`); the name comes from `Content-Disposition`, else
 * `options.fileName`. Errors are `ApiError`s as for JSON requests.
 */
async function download(path: string, options: DownloadOptions): Promise<void> {
  const response = await send(options.file ? 'POST' : 'GET', path, {
    query: options.query,
    form: options.file ? fileForm(options.file, options.file.name) : undefined,
    accept: '*/*',
  })
  const blob = await readBlob(response, options.onProgress)
  saveBlob(blob, dispositionFileName(response.headers.get('Content-Disposition')) ?? options.fileName)
}

/**
 * Transport for the Lianyin API (JSON, plus file upload and download); it never shows UI, callers
 * decide how to report errors.
 */
export const http = {
  get: <T>(path: string, query?: Query, silent401 = false) =>
    request<T>('GET', path, { query }, silent401),
  post: <T>(path: string, body?: unknown, silent401 = false) =>
    request<T>('POST', path, { body }, silent401),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs `file` as multipart/form-data (part `file`) and parses the JSON answer. */
  upload: <T>(path: string, file: File, query?: Query) =>
    request<T>('POST', path, { query, form: fileForm(file, file.name) }),
  /** Fetches a file (POSTing `options.file` when given) and saves it as a download. */
  download,
}
