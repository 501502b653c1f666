import { http, type Page, type PageQuery } from './http'
import { uploadWithProgress, type ProgressHandler } from './transfer'

const base = '/api/v1/workers'

/**
 * A worker (职工) on a union's roster. The phone and the ID number only ever arrive masked
 * (`139****5678`, `1101**********002X`); they are typed in clear but never read back.
 */
export interface Worker {
  id: number
  name: string
  unit_id: number
  unit_name: string
  phone: string | null
  id_number: string | null
  employer: string | null
  region_code: string | null
  region_name: string
  /** Codes of the dictionary `worker_group`. */
  groups: string[]
  /** A worker account stands for it (activated). */
  has_account: boolean
  created_at: string
  updated_at: string
}

export interface WorkerQuery extends PageQuery {
  /** Part of the name. */
  q?: string
  /** Workers whose region it covers. */
  region_code?: string
  /** A `worker_group` code. */
  group?: string
  /** Exact lookup, looked up through the blind index (never partial). */
  phone?: string
  id_number?: string
}

/** `POST /workers`: the personal fields in clear; they come back masked. */
export interface WorkerCreate {
  name: string
  phone: string
  id_number?: string
  employer?: string
  region_code: string
  groups?: string[]
  unit_id?: number
}

export type WorkerPatch = Partial<Omit<WorkerCreate, 'unit_id'>>

export interface WorkerImportResult {
  imported: number
}

/** A problem of an import file: its row (the header is row 1), field and message. */
export interface WorkerImportRowError {
  row?: number
  field: string
  message: string
}

export const kMaxImportBytes = 64 * 1024 * 1024

/** Workers of units in the caller's scope (`system:worker:list`), by id. */
export const listWorkers = (query: WorkerQuery = {}) => http.get<Page<Worker>>(base, { ...query })
export const getWorker = (id: number) => http.get<Worker>(`${base}/${id}`)
/** 409 when a live worker has the phone; 422 with field details (`id_number`: a wrong check digit). */
export const createWorker = (body: WorkerCreate) => http.post<Worker>(base, body)
export const updateWorker = (id: number, patch: WorkerPatch) => http.patch<Worker>(`${base}/${id}`, patch)
/** PIPL deletion: personal fields removed, the anonymous row kept, the account disabled. */
export const deleteWorker = (id: number) => http.delete<Record<string, never>>(`${base}/${id}`)

/** All or nothing: 422 `validation_failed` with row-level `details` writes nothing. */
export const importWorkers = (file: File, onProgress?: ProgressHandler) =>
  uploadWithProgress<WorkerImportResult>(`${base}/import`, file, undefined, onProgress)
/** 职工名册导入模板.xlsx|csv with the Chinese headers and an example row. */
export const downloadWorkerTemplate = (format: 'xlsx' | 'csv' = 'xlsx') =>
  http.download(`${base}/import/template`, { query: { format }, fileName: `workers-template.${format}` })
/** 职工名册_YYYYMMDD.csv|xlsx of the filtered roster (phones and ID numbers masked); the CSV is streamed (no total size). */
export const exportWorkers = (format: 'csv' | 'xlsx', filter: Omit<WorkerQuery, 'page' | 'page_size'>, onProgress?: ProgressHandler) =>
  http.download(`${base}/export`, {
    query: { ...filter, format },
    fileName: `workers.${format}`,
    onProgress: onProgress && ((loaded, total) => onProgress({ phase: 'downloading', loaded, total })),
  })
