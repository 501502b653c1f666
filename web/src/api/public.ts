import { http, type Page, type PageQuery } from './http'
import type { OrgPublicFields } from './orgs'

/** One organisation of the public search: public fields, the legal representative masked. */
export interface PublicOrg extends OrgPublicFields {
  legal_rep: string
}

export interface PublicOrgQuery extends PageQuery {
  /** Part of the name, at least 2 characters. */
  q: string
}

/** At most this many a page (the server refuses more). */
export const kPublicPageSize = 20

/** Disclosed organisations by name, newest first; no session needed. */
export const searchPublicOrgs = (query: PublicOrgQuery) =>
  http.get<Page<PublicOrg>>('/api/public/orgs', { ...query }, true)
