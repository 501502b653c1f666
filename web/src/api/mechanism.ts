import { http, type Page, type PageQuery } from './http'

/** Dictionary `meeting_kind`: 定期会商, 季度调度, 半年小结, 年终总结, 联席会议, 其他会议. */
export type MeetingKind = 'consultation' | 'dispatch' | 'half_year_summary' | 'year_end_summary' | 'joint_meeting' | 'other'
/** Stored statuses of a supervised task (督办): 待办理, 办理中, 已办结. */
export type TaskStatus = 'open' | 'in_progress' | 'done'
/** Dictionary `supervised_task_status`: the status, or 已逾期 when past its deadline and not done. */
export type TaskDisplayStatus = TaskStatus | 'overdue'
export type Recurrence = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly'

/** A unit, an organisation or only a person; the name always. */
export interface Attendee {
  unit_id?: number
  org_id?: number
  name: string
}

export interface Meeting {
  id: number
  /** The owner: the unit holding it. */
  unit_id: number
  unit_name: string
  kind: MeetingKind
  title: string
  /** +08:00 date-time. */
  starts_at: string
  location: string | null
  agenda: string | null
  attendees: Attendee[]
  minutes: string | null
  /** The template whose occurrence created it. */
  template_id: number | null
  /** Lists: how many supervised tasks it decided. */
  decisions: number
  created_at: string
  updated_at: string
}

export interface SupervisedTask {
  id: number
  meeting_id: number
  meeting_title: string
  /** The supervisor: the meeting's unit. */
  unit_id: number
  unit_name: string
  text: string
  owner_unit_id: number | null
  owner_org_id: number | null
  owner_name: string | null
  /** The owner unit's or organisation's name, else owner_name. */
  owner_display: string
  deadline: string
  status: TaskStatus
  overdue: boolean
  display_status: TaskDisplayStatus
  created_at: string
  updated_at: string
}

export interface MeetingDetail extends Omit<Meeting, 'decisions'> {
  /** Oldest first. */
  decisions: SupervisedTask[]
}

export interface TaskProgress {
  id: number
  note: string | null
  status_from: TaskStatus
  status_to: TaskStatus
  by_user_id: number
  by_name: string
  created_at: string
}

export interface TaskDetail extends SupervisedTask {
  /** Oldest first. */
  progress: TaskProgress[]
}

export interface MeetingSpec {
  kind: MeetingKind
  /** `{period}` becomes 2026年第3季度 and the like. */
  title_pattern: string
  location?: string | null
  attendees?: Attendee[]
}

export interface MechanismTemplate {
  id: number
  unit_id: number
  unit_name: string
  name: string
  kind: 'meeting' | 'report_task'
  recurrence: Recurrence
  starts_on: string
  ends_on: string | null
  lead_days: number
  meeting?: MeetingSpec
  active: boolean
  occurrences: number
  created_at: string
  updated_at: string
}

export interface CalendarItem {
  type: 'meeting' | 'deadline' | 'occurrence'
  date: string
  title: string
  /** Meeting kind, the task's display status, or the template kind. */
  kind: string
  /** Meeting, task or template id. */
  id: number
  unit_id: number
  starts_at?: string
  period?: string
}

export interface MeetingCreate {
  title: string
  kind: MeetingKind
  unit_id: number
  starts_at: string
  location?: string
  agenda?: string
  attendees?: Attendee[]
}

export interface DecisionCreate {
  text: string
  owner_unit_id?: number
  owner_org_id?: number
  owner_name?: string
  deadline: string
}

export interface TemplateCreate {
  name: string
  kind: 'meeting'
  recurrence: Recurrence
  unit_id: number
  starts_on: string
  ends_on?: string
  lead_days: number
  meeting: MeetingSpec
}

export interface MeetingQuery extends PageQuery {
  kind?: MeetingKind | ''
  from?: string
  to?: string
}

export interface TaskQuery extends PageQuery {
  status?: TaskStatus | ''
  overdue?: 'true' | 'false' | ''
  owner_unit_id?: number
  owner_org_id?: number
  meeting_id?: number
}

export const listMeetings = (query: MeetingQuery = {}) => http.get<Page<Meeting>>('/api/v1/meetings', { ...query })
export const getMeeting = (id: number) => http.get<MeetingDetail>(`/api/v1/meetings/${id}`)
/** A unit outside the caller's scope → 422 on unit_id. */
export const createMeeting = (body: MeetingCreate) => http.post<MeetingDetail>('/api/v1/meetings', body)
export const recordMinutes = (id: number, minutes: string) => http.post<MeetingDetail>(`/api/v1/meetings/${id}/minutes`, { minutes })
/** The decision becomes a supervised task (status open). */
export const addDecision = (meetingId: number, body: DecisionCreate) =>
  http.post<SupervisedTask>(`/api/v1/meetings/${meetingId}/decisions`, body)

export const listTasks = (query: TaskQuery = {}) => http.get<Page<SupervisedTask>>('/api/v1/supervised-tasks', { ...query })
export const getTask = (id: number) => http.get<TaskDetail>(`/api/v1/supervised-tasks/${id}`)
/** done needs a note (422); reopening a done task is the meeting's unit's only (403); a concurrent change → 409. */
export const reportProgress = (id: number, body: { note?: string; status?: TaskStatus }) =>
  http.post<TaskDetail>(`/api/v1/supervised-tasks/${id}/progress`, body)

export const listTemplates = (query: PageQuery = {}) => http.get<Page<MechanismTemplate>>('/api/v1/mechanism-templates', { ...query })
export const createTemplate = (body: TemplateCreate) => http.post<MechanismTemplate>('/api/v1/mechanism-templates', body)
export const setTemplateActive = (id: number, active: boolean) =>
  http.patch<MechanismTemplate>(`/api/v1/mechanism-templates/${id}`, { active })

/** At most 366 days (422 otherwise). */
export const getCalendar = (from: string, to: string) =>
  http.get<{ from: string; to: string; items: CalendarItem[] }>('/api/v1/calendar', { from, to })
