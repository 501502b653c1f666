import type { ProjectOutput, ProjectOutputCreate } from '@/api/projects'
import { today } from '@/utils/dates'
import { fenToYuan, yuanToFen } from '@/utils/money'

/** An output as its form holds it: money in 元. */
export interface OutputForm {
  on: string
  person_times: number
  events: number
  spent_yuan: number
  note: string
}

/** A fresh entry dated today, or a copy of `output` (the starting point of a correction). */
export function outputForm(output?: ProjectOutput | null): OutputForm {
  if (!output) return { on: today(), person_times: 0, events: 0, spent_yuan: 0, note: '' }
  return {
    on: output.on,
    person_times: output.person_times,
    events: output.events,
    spent_yuan: fenToYuan(output.spent_fen),
    note: output.note ?? '',
  }
}

export function outputBody(form: OutputForm): ProjectOutputCreate {
  const body: ProjectOutputCreate = {
    on: form.on,
    person_times: form.person_times,
    events: form.events,
    spent_fen: yuanToFen(form.spent_yuan),
  }
  if (form.note.trim()) body.note = form.note.trim()
  return body
}

/** Server fields of an output → the form's props under `prefix` ('' or 'replacement.'). */
export function outputFieldAliases(prefix: string): Record<string, string> {
  return {
    [`${prefix}on`]: `${prefix}on`,
    [`${prefix}person_times`]: `${prefix}person_times`,
    [`${prefix}events`]: `${prefix}events`,
    [`${prefix}spent_fen`]: `${prefix}spent_yuan`,
    [`${prefix}note`]: `${prefix}note`,
  }
}
