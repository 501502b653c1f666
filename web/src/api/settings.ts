import { http } from './http'

/** Security settings (docs/api.md); defaults follow 等保 level 3. */
export interface SecuritySettings {
  password_min_length: number
  password_min_classes: number
  require_mfa_for_admins: boolean
  session_idle_minutes: number
  session_absolute_hours: number
  lockout_threshold: number
  lockout_minutes: number
  login_rate_per_minute: number
  audit_retention_days: number
}

export const kDefaultSettings: SecuritySettings = {
  password_min_length: 8,
  password_min_classes: 3,
  require_mfa_for_admins: false,
  session_idle_minutes: 30,
  session_absolute_hours: 12,
  lockout_threshold: 5,
  lockout_minutes: 15,
  login_rate_per_minute: 30,
  audit_retention_days: 184,
}

export const getSettings = () => http.get<SecuritySettings>('/api/v1/settings')

export const updateSettings = (body: Partial<SecuritySettings>) => http.patch<SecuritySettings>('/api/v1/settings', body)
