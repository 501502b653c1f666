import { http, type Page, type PageQuery } from './http'

/** Dictionary `team_domain`: 产业振兴, 组织振兴, 人才振兴, 消费帮扶, 公益慈善. */
export type TeamDomain = 'industry' | 'organization' | 'talent' | 'consumption' | 'charity'
/** Dictionary `consumption_kind`: 直接采购, 帮助销售. */
export type ConsumptionKind = 'direct_purchase' | 'sales_helped'

export interface TeamMember {
  org_id: number
  org_name: string
  /** The lead organisation (团长单位), always first. */
  lead: boolean
}

export interface Team {
  id: number
  name: string
  domain: TeamDomain
  lead_org_id: number
  lead_org_name: string
  member_org_ids: number[]
  members: TeamMember[]
  /** 结对帮扶县. */
  county_codes: string[]
  counties: { code: string; name: string }[]
  unit_id: number
  unit_name: string
  created_at: string
  updated_at: string
}

export interface TeamBody {
  name: string
  domain: TeamDomain
  lead_org_id: number
  member_org_ids: number[]
  county_codes: string[]
}

export interface TeamQuery extends PageQuery {
  q?: string
  domain?: TeamDomain | ''
  /** Teams the organisation leads or belongs to. */
  org_id?: number
}

export interface Plan {
  id: number
  team_id: number
  year: number
  projects_planned: number
  funds_planned_fen: number
}

export interface HelpProject {
  id: number
  team_id: number
  team_name: string
  title: string
  county_code: string
  county_name: string
  funds_fen: number
  beneficiaries: number
  started_on: string
  /** 参与单位: counted once in every total, shown for each of them. */
  member_org_ids: number[]
  members: TeamMember[]
}

export interface HelpProjectBody {
  title: string
  county_code: string
  funds_fen: number
  beneficiaries: number
  started_on: string
  member_org_ids: number[]
}

export interface Consumption {
  id: number
  team_id: number
  on: string
  kind: ConsumptionKind
  amount_fen: number
  county_code: string
  county_name: string
}

export type ConsumptionBody = Pick<Consumption, 'on' | 'kind' | 'amount_fen' | 'county_code'>

export interface Planned {
  projects: number
  funds_fen: number
}
export interface Actual {
  projects: number
  funds_fen: number
  beneficiaries: number
  direct_purchase_fen: number
  sales_helped_fen: number
}
/** SPEC §4's progress: a help project shared by several members counts once. */
export interface Progress {
  planned: Planned
  actual: Actual
}
export interface YearRow extends Progress {
  year: number
}
export interface CountyProgress {
  planned: Planned
  rows: { county_code: string; county_name: string; paired: boolean; actual: Actual }[]
  total: Actual
}
/** Each member's rows count its projects in full, so they do not add up to `team_total`. */
export interface MemberProgress {
  rows: (TeamMember & { projects: number; shared_projects: number; funds_fen: number; beneficiaries: number })[]
  team_total: Progress
  rows_add_up: false
}
export interface OverviewRow extends Progress {
  team_id: number
  name: string
  domain: TeamDomain
  lead_org_id: number
  lead_org_name: string
  members: number
  counties: number
}
export interface Overview {
  rows: OverviewRow[]
  total: Progress
}

const base = '/api/v1/teams'
const team = (id: number) => `${base}/${id}`
const year = (y?: number) => (y ? { year: y } : {})

export const listTeams = (query: TeamQuery = {}) => http.get<Page<Team>>(base, { ...query })
export const getTeam = (id: number) => http.get<Team>(team(id))
export const createTeam = (body: TeamBody) => http.post<Team>(base, body)
export const updateTeam = (id: number, body: Partial<TeamBody>) => http.patch<Team>(team(id), body)

export const listPlans = (id: number) => http.get<{ items: Plan[] }>(`${team(id)}/plans`)
export const createPlan = (id: number, body: Omit<Plan, 'id' | 'team_id'>) => http.post<Plan>(`${team(id)}/plans`, body)
export const updatePlan = (id: number, y: number, body: Partial<Omit<Plan, 'id' | 'team_id' | 'year'>>) =>
  http.patch<Plan>(`${team(id)}/plans/${y}`, body)

export const listHelpProjects = (id: number, query: PageQuery & { year?: number } = {}) =>
  http.get<Page<HelpProject>>(`${team(id)}/help-projects`, { ...query })
export const createHelpProject = (id: number, body: HelpProjectBody) =>
  http.post<HelpProject>(`${team(id)}/help-projects`, body)
export const listOrgHelpProjects = (orgId: number, query: PageQuery = {}) =>
  http.get<Page<HelpProject>>(`/api/v1/orgs/${orgId}/help-projects`, { ...query })

export const listConsumption = (id: number, query: PageQuery & { year?: number } = {}) =>
  http.get<Page<Consumption>>(`${team(id)}/consumption`, { ...query })
export const addConsumption = (id: number, body: ConsumptionBody) => http.post<Consumption>(`${team(id)}/consumption`, body)

export const getProgress = (id: number, y?: number) => http.get<Progress>(`${team(id)}/progress`, year(y))
export const getProgressByYear = (id: number) => http.get<{ rows: YearRow[] }>(`${team(id)}/progress/by-year`)
export const getProgressByCounty = (id: number, y?: number) =>
  http.get<CountyProgress>(`${team(id)}/progress/by-county`, year(y))
export const getProgressByMember = (id: number, y?: number) =>
  http.get<MemberProgress>(`${team(id)}/progress/by-member`, year(y))
export const getOverview = (regionCode: string, y?: number) =>
  http.get<Overview>(`${base}/overview`, { region_code: regionCode || undefined, ...year(y) })
