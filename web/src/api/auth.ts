import { http } from './http'

/** The signed-in user as `/api/v1/auth/login` and `/api/v1/auth/me` return it. */
export interface SessionUser {
  id: number
  username: string
  display_name: string
  unit_id: number
  unit_name: string
  roles: string[]
  /** `area:resource:action` strings; `"*"` grants everything. */
  permissions: string[]
  /** Set for `org_member` users. */
  org_id: number | null
  /** Set for `worker` users. */
  worker_id: number | null
  /** Every request but `/auth/password` and logout answers 403 `password_change_required`. */
  must_change_password: boolean
  mfa_enabled?: boolean
  /** Every request but `/auth/me`, logout, `/auth/password` and `/auth/totp/*` answers 403 `mfa_enrolment_required`. */
  mfa_enrolment_required?: boolean
  /**
   * The user's unit is the platform root. Only such users may change deployment-wide settings
   * (role permissions, security settings); others get 403. Missing (older server) means false.
   */
  platform_level?: boolean
}

export interface Session {
  user: SessionUser
  csrf_token: string
}

/** The first step of a login for a user with TOTP on: send a code with the token. */
export interface MfaChallenge {
  mfa_required: true
  /** Single-use, valid for 5 minutes. */
  mfa_token: string
}

export type LoginResult = Session | MfaChallenge

export function isMfaChallenge(result: LoginResult): result is MfaChallenge {
  return 'mfa_required' in result && result.mfa_required === true
}

export interface TotpSetup {
  /** Base32 secret for manual entry. */
  secret: string
  /** `otpauth://totp/...` for authenticator apps. */
  otpauth_uri: string
}

type Empty = Record<string, never>
const base = '/api/v1/auth'

export const login = (username: string, password: string) =>
  http.post<LoginResult>(`${base}/login`, { username, password }, true)

/** A wrong code counts as a failed login. */
export const loginTotp = (mfa_token: string, code: string) =>
  http.post<Session>(`${base}/login/totp`, { mfa_token, code }, true)

/** Answers 401 when there is no live session cookie. */
export const getSession = () => http.get<Session>(`${base}/me`, undefined, true)

export const logout = () => http.post<Empty>(`${base}/logout`)

/** Wrong old password → 422 on `old_password`; a policy breach → 422 on `new_password`. Ends other sessions. */
export const changePassword = (old_password: string, new_password: string) =>
  http.post<Empty>(`${base}/password`, { old_password, new_password })

/** Starts (or restarts) enrolment with a pending secret. */
export const setupTotp = () => http.post<TotpSetup>(`${base}/totp/setup`, {})

export const enableTotp = (code: string) => http.post<Empty>(`${base}/totp/enable`, { code })

export const disableTotp = (password: string) => http.post<Empty>(`${base}/totp/disable`, { password })
