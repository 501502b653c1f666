-- Purchased-service projects (购买服务项目, SPEC §4 "Service projects"; issue #9): the projects,
-- their providers, the timeline of every change, outputs (服务成效) with reversals, milestones,
-- the payment schedule and attached documents; and the permissions on a platform set up before.

-- One project, owned (SPEC §1) by its funding unit (a `union` unit). The running totals of its
-- outputs and of its payment schedule live on the row, so that limits (spent ≤ contract,
-- schedule ≤ contract) are decided by one conditional UPDATE: exact under concurrency.
CREATE TABLE projects (
  id              {{id}},
  title           TEXT NOT NULL,
  category        TEXT NOT NULL,
  funding_unit_id BIGINT NOT NULL REFERENCES units (id),
  mode            TEXT NOT NULL CHECK (mode IN ('purchase', 'cooperation')),
  budget_fen      BIGINT NOT NULL CHECK (budget_fen >= 0),
  contract_fen    BIGINT CHECK (contract_fen IS NULL OR contract_fen > 0),
  contracted_on   TEXT,
  region_code     TEXT NOT NULL,
  start_on        TEXT NOT NULL,
  end_on          TEXT NOT NULL,
  target_groups   TEXT NOT NULL DEFAULT '',  -- target_group codes, comma-separated, in order
  description     TEXT,
  status          TEXT NOT NULL CHECK (status IN ('draft', 'published', 'contracted',
                                                  'in_progress', 'accepted', 'closed',
                                                  'cancelled')),
  person_times    BIGINT NOT NULL DEFAULT 0 CHECK (person_times >= 0),
  events_held     BIGINT NOT NULL DEFAULT 0 CHECK (events_held >= 0),
  spent_fen       BIGINT NOT NULL DEFAULT 0 CHECK (spent_fen >= 0),
  scheduled_fen   BIGINT NOT NULL DEFAULT 0 CHECK (scheduled_fen >= 0),
  paid_fen        BIGINT NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
  created_by      BIGINT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK (start_on <= end_on)
);
CREATE INDEX projects_unit ON projects (funding_unit_id, id);
CREATE INDEX projects_status ON projects (status, id);
CREATE INDEX projects_category ON projects (category, id);
CREATE INDEX projects_region ON projects (region_code, id);
CREATE INDEX projects_start ON projects (start_on, id);
CREATE INDEX projects_contracted ON projects (contracted_on);

-- The providers (承接组织) of a project, in the order given. An org member sees the projects
-- its organisation provides (a primary-key probe per row).
CREATE TABLE project_providers (
  project_id BIGINT NOT NULL REFERENCES projects (id),
  org_id     BIGINT NOT NULL REFERENCES orgs (id),
  position   INTEGER NOT NULL,
  PRIMARY KEY (project_id, org_id)
);
CREATE INDEX project_providers_org ON project_providers (org_id, project_id);

-- The timeline: every change to a project or its parts, oldest first.
CREATE TABLE project_events (
  id          {{id}},
  project_id  BIGINT NOT NULL REFERENCES projects (id),
  at          TEXT NOT NULL,
  action      TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT,
  reason      TEXT,
  by_user_id  BIGINT,
  detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX project_events_project ON project_events (project_id, id);

-- Outputs (服务成效): dated figures. A correction is a reversal (the negated figures, naming the
-- output it reverses) and a new entry; an output is reversed at most once (the unique index).
CREATE TABLE project_outputs (
  id           {{id}},
  project_id   BIGINT NOT NULL REFERENCES projects (id),
  output_on    TEXT NOT NULL,
  person_times BIGINT NOT NULL,
  events       BIGINT NOT NULL,
  spent_fen    BIGINT NOT NULL,
  note         TEXT,
  reverses_id  BIGINT REFERENCES project_outputs (id),
  reason       TEXT,
  by_user_id   BIGINT,
  created_at   TEXT NOT NULL
);
CREATE INDEX project_outputs_project ON project_outputs (project_id, id);
CREATE INDEX project_outputs_on ON project_outputs (output_on);
CREATE UNIQUE INDEX project_outputs_reversal ON project_outputs (reverses_id)
  WHERE reverses_id IS NOT NULL;

CREATE TABLE project_milestones (
  id         {{id}},
  project_id BIGINT NOT NULL REFERENCES projects (id),
  title      TEXT NOT NULL,
  due_on     TEXT NOT NULL,
  done_on    TEXT,
  note       TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX project_milestones_project ON project_milestones (project_id, due_on);

-- The payment schedule; its sum is projects.scheduled_fen (paid rows: paid_fen).
CREATE TABLE project_payments (
  id         {{id}},
  project_id BIGINT NOT NULL REFERENCES projects (id),
  due_on     TEXT NOT NULL,
  amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
  paid_on    TEXT,
  note       TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX project_payments_project ON project_payments (project_id, due_on);

-- Attached documents (call, contract, acceptance report), stored with their SHA-256.
CREATE TABLE project_documents (
  id         {{id}},
  project_id BIGINT NOT NULL REFERENCES projects (id),
  kind       TEXT NOT NULL CHECK (kind IN ('call', 'contract', 'acceptance', 'other')),
  file_name  TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size       BIGINT NOT NULL,
  sha256     TEXT NOT NULL,
  content    {{blob}} NOT NULL,
  by_user_id BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX project_documents_project ON project_documents (project_id, id);

-- The project permissions for the roles that have them by default (domain/account/roles.cpp),
-- on a platform set up before they existed; a new platform is seeded from the code at init.
INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'union_officer' AS role, 'project:project:list' AS permission
      UNION ALL SELECT 'union_officer', 'project:project:create'
      UNION ALL SELECT 'union_officer', 'project:project:edit'
      UNION ALL SELECT 'union_officer', 'project:project:transition'
      UNION ALL SELECT 'union_officer', 'project:output:create'
      UNION ALL SELECT 'union_officer', 'project:document:create'
      UNION ALL SELECT 'inspector', 'project:project:list'
      UNION ALL SELECT 'org_member', 'project:project:list'
      UNION ALL SELECT 'org_member', 'project:output:create'
      UNION ALL SELECT 'org_member', 'project:document:create') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);
