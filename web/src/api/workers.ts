import { http, type Page, type PageQuery } from './http'

/** A worker (职工) a worker account may stand for, with the unit that registered it. */
export interface Worker {
  id: number
  name: string
  unit_id: number
  unit_name: string
}

export interface WorkerQuery extends PageQuery {
  /** Part of the name. */
  q?: string
}

/** Workers of units in the caller's scope (`system:worker:list`), by id. */
export const listWorkers = (query: WorkerQuery = {}) => http.get<Page<Worker>>('/api/v1/workers', { ...query })
