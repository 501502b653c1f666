import { i18n } from '@/locales'
import { useAuthStore } from '@/stores/auth'

/** One field-level problem from the server's error envelope. */
export interface ApiErrorDetail {
  field: string
  message: string
}

/**
 * A failed request. `code` is the server's error code (SPEC §3, e.g. `unauthenticated`),
 * or `network_error` / `http_<status>` when no error envelope came back.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: ApiErrorDetail[]
  /** Seconds from a `Retry-After` header (429), when the server sent one. */
  readonly retryAfter: number | undefined

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = [], retryAfter?: number) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
    this.retryAfter = retryAfter
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

function parseRetryAfter(response: Response): number | undefined {
  const value = response.headers.get('Retry-After')
  if (value === null) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds)
  // The HTTP-date form.
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000))
}

function buildUrl(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

async function toApiError(response: Response): Promise<ApiError> {
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
      )
    }
  } catch {
    // Not a JSON envelope (e.g. a proxy's HTML error page): fall through.
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`, [], retryAfter)
}

async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
  silent401 = false,
): Promise<T> {
  // Accept-Language lets the server word its error messages in the UI's language.
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.global.locale.value,
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET') {
    const csrfToken = useAuthStore().csrfToken
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken
  }

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause))
  }

  if (!response.ok) {
    const error = await toApiError(response)
    if (error.status === 401 && !silent401) onUnauthenticated?.(error)
    if (error.status === 403 && kSessionRequirementCodes.includes(error.code)) onSessionRequirement?.(error)
    throw error
  }
  // A DELETE may answer 204 without a body.
  const text = await response.text()
  return (text ? JSON.parse(text) : {}) as T
}

/** JSON transport for the Lianyin API; it never shows UI, callers decide how to report errors. */
export const http = {
  get: <T>(path: string, query?: Query, silent401 = false) =>
    request<T>('GET', path, { query }, silent401),
  post: <T>(path: string, body?: unknown, silent401 = false) =>
    request<T>('POST', path, { body }, silent401),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
}
