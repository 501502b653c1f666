import { http } from './http'

export interface Health {
  status: string
}

export const getHealth = () => http.get<Health>('/api/health')
