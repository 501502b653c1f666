import { http, type Page } from './http'

/** One code of the data dictionary with its labels. */
export interface DictionaryEntry {
  code: string
  /** zh-CN */
  label: string
  label_en: string
}

/** A dictionary (数据字典): `org_status`, `service_category`, `audit_action`, ... */
export interface Dictionary {
  name: string
  label: string
  label_en: string
  entries: DictionaryEntry[]
}

/** Every dictionary; public (no session needed), cached by the browser for a few minutes. */
export const listDictionaries = () => http.get<Page<Dictionary>>('/api/v1/dictionaries')
