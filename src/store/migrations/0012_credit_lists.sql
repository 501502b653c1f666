-- Credit lists (信用名单, SPEC §4 "Credit lists"; issue #9): entries of organisations on the
-- abnormal list (活动异常名录) and the dishonest list (严重违法失信名单), the objections their
-- members raise, and the permissions of both on a platform set up before them.

-- One listing of one organisation. Owned (SPEC §1) by the organisation's registration unit,
-- copied here at entry so scoped reads need no join. Active while removed_on is NULL; removal
-- keeps the row (the public disclosure shows removals too).
CREATE TABLE credit_entries (
  id                 {{id}},
  org_id             BIGINT NOT NULL REFERENCES orgs (id),
  list               TEXT NOT NULL CHECK (list IN ('abnormal', 'dishonest')),
  reason             TEXT NOT NULL,
  entered_on         TEXT NOT NULL,  -- a date, not in the future
  entered_by_user_id BIGINT,         -- NULL when a dated rule entered it (jobs)
  unit_id            BIGINT NOT NULL REFERENCES units (id),
  removed_on         TEXT,           -- NULL while active; a date not before entered_on
  removal_reason     TEXT,
  removed_by_user_id BIGINT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (removed_on IS NULL OR removed_on >= entered_on)
);
-- At most one active entry per organisation and list (InsertOrConflict relies on it: exact
-- under concurrency). Also the index of "the active entries of these organisations" (the gate
-- other areas call, credit_gate.hpp): its predicate is the query's (PostgreSQL plans it; SQLite
-- may take credit_entries_org instead, as selective: both look up by org_id).
CREATE UNIQUE INDEX credit_entries_active ON credit_entries (org_id, list) WHERE removed_on IS NULL;
-- An organisation's entries, active or not; the scoped management list by owning unit.
CREATE INDEX credit_entries_org ON credit_entries (org_id, id);
CREATE INDEX credit_entries_unit ON credit_entries (unit_id, id);

-- An objection (异议) to an entry, filed by a member of the organisation and answered by the
-- registration authority: accepted (the entry is removed) or rejected, with a reply.
CREATE TABLE credit_objections (
  id                  {{id}},
  entry_id            BIGINT NOT NULL REFERENCES credit_entries (id),
  text                TEXT NOT NULL,
  by_user_id          BIGINT NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
  reply               TEXT,
  answered_by_user_id BIGINT,
  answered_at         TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX credit_objections_entry ON credit_objections (entry_id, id);
-- At most one objection awaiting an answer per entry (InsertOrConflict).
CREATE UNIQUE INDEX credit_objections_open ON credit_objections (entry_id) WHERE status = 'open';

-- The credit permissions for the roles that have them by default (domain/account/roles.cpp),
-- on a platform set up before they existed; a new platform is seeded from the code at init.
INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'civil_affairs_officer' AS role, 'credit:entry:list' AS permission
      UNION ALL SELECT 'civil_affairs_officer', 'credit:entry:edit'
      UNION ALL SELECT 'union_officer', 'credit:entry:list'
      UNION ALL SELECT 'inspector', 'credit:entry:list'
      UNION ALL SELECT 'org_member', 'credit:entry:list'
      UNION ALL SELECT 'org_member', 'credit:objection:create') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);
