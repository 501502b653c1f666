import { http, type Page, type PageQuery } from './http'

/** Dictionary `evaluation_status`. */
export type EvaluationStatus = 'scoring' | 'finalized'
/** Dictionary `grade`, from the highest down. */
export type Grade = '5A' | '4A' | '3A' | '2A' | '1A'
export const kGrades: readonly Grade[] = ['5A', '4A', '3A', '2A', '1A']

/** Limits the server checks (422 otherwise), mirrored by the forms. */
export const kIndicatorCodePattern = /^[0-9A-Za-z._-]{1,20}$/
export const kMaxIndicatorDepth = 5
export const kMaxExperts = 15

/** One indicator of a template's tree; an inner node's maximum is the sum of its children's. */
export interface Indicator {
  code: string
  name: string
  max_score: number
  children?: Indicator[]
}

export interface Leaf {
  code: string
  name: string
  max_score: number
}

/** 评估指标体系: built-in ones (seeded, never changed) or a unit's own. */
export interface EvaluationTemplate {
  id: number
  name: string
  max_score: number
  thresholds: Record<Grade, number>
  indicators: Indicator[]
  /** The leaves depth first: the order experts score them in. */
  leaves: Leaf[]
  builtin: boolean
  unit_id: number | null
  unit_name: string
  /** Evaluations made with it (a used template no longer changes). */
  uses: number
  /** The caller may change it now. */
  editable: boolean
  created_at: string
  updated_at: string
}

export interface TemplateBody {
  name: string
  max_score: number
  thresholds: Record<Grade, number>
  indicators: Indicator[]
}

export interface Evaluation {
  id: number
  org_id: number
  org_name: string
  uscc: string
  template_id: number
  template_name: string
  /** The owner: the organisation's registration unit. */
  unit_id: number
  unit_name: string
  status: EvaluationStatus
  /** SPEC §5.3's score, one decimal; null until finalised. */
  score: number | null
  /** Null until finalised, or below 1A. */
  grade: Grade | null
  finalized_on: string | null
  /** The grade's last valid day. */
  valid_until: string | null
  expert_count: number
  scored_count: number
  created_at: string
  updated_at: string
}

/** An assigned expert; another expert reading sees `scores` and `total` as null. */
export interface EvaluationExpert {
  expert_id: number
  name: string
  scored: boolean
  scores: Record<string, number> | null
  total: number | null
  /** Left out at finalisation: the highest or the lowest total (five or more experts). */
  dropped: boolean
  scored_at: string | null
}

export interface EvaluationDetail extends Evaluation {
  template: EvaluationTemplate
  experts: EvaluationExpert[]
}

export interface EvaluationQuery extends PageQuery {
  status?: EvaluationStatus | ''
  org_id?: number
  /** 'true': only those being scored that the caller is assigned to and has not scored. */
  awaiting_me?: 'true' | ''
}

export const listTemplates = (query: PageQuery = {}) =>
  http.get<Page<EvaluationTemplate>>('/api/v1/evaluation-templates', { ...query })
export const getTemplate = (id: number) => http.get<EvaluationTemplate>(`/api/v1/evaluation-templates/${id}`)
export const createTemplate = (body: TemplateBody) =>
  http.post<EvaluationTemplate>('/api/v1/evaluation-templates', body)
/** Every field replaced; 409 once an evaluation uses it, or built in. */
export const updateTemplate = (id: number, body: TemplateBody) =>
  http.patch<EvaluationTemplate>(`/api/v1/evaluation-templates/${id}`, body)

export const listEvaluations = (query: EvaluationQuery = {}) =>
  http.get<Page<Evaluation>>('/api/v1/evaluations', { ...query })
export const getEvaluation = (id: number) => http.get<EvaluationDetail>(`/api/v1/evaluations/${id}`)
export const createEvaluation = (body: { org_id: number; template_id: number; expert_ids: number[] }) =>
  http.post<EvaluationDetail>('/api/v1/evaluations', body)
/** The caller's own scores (it must be `expertId`): every leaf, 0..max, one decimal at most. */
export const scoreEvaluation = (id: number, expertId: number, scores: Record<string, number>) =>
  http.put<EvaluationDetail>(`/api/v1/evaluations/${id}/scores/${expertId}`, { scores })
/** Once; 422 naming experts yet to score. */
export const finalizeEvaluation = (id: number) => http.post<EvaluationDetail>(`/api/v1/evaluations/${id}/finalize`)

/** Sums points exactly in tenths (scores carry one decimal at most), as the server does. */
export function sumPoints(values: (number | undefined | null)[]): number {
  return values.reduce<number>((tenths, v) => tenths + Math.round((v ?? 0) * 10), 0) / 10
}

/** Whether a grade's validity ended before `today` (YYYY-MM-DD). */
export function gradeExpired(validUntil: string | null | undefined, today: string): boolean {
  return !!validUntil && validUntil < today
}
