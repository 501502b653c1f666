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

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

export type Query = Record<string, string | number | undefined>

interface RequestOptions {
  query?: Query
  body?: unknown
}

type UnauthenticatedHandler = (error: ApiError) => void
let onUnauthenticated: UnauthenticatedHandler | undefined

/**
 * Registers what happens when a request answers 401 (e.g. the session expired).
 * Requests made with `silent401` (login, session restore) never trigger it.
 */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): void {
  onUnauthenticated = handler
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
      )
    }
  } catch {
    // Not a JSON envelope (e.g. a proxy's HTML error page): fall through.
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`)
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
    throw error
  }
  return (await response.json()) as T
}

/** JSON transport for the Lianyin API; it never shows UI, callers decide how to report errors. */
export const http = {
  get: <T>(path: string, query?: Query, silent401 = false) =>
    request<T>('GET', path, { query }, silent401),
  post: <T>(path: string, body?: unknown, silent401 = false) =>
    request<T>('POST', path, { body }, silent401),
}
