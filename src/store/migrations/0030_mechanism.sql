-- The work mechanism (工作机制, issue #13 point 3): meetings (定期会商、季度调度、半年小结、年终总结、
-- 联席会议), their decisions as supervised tasks (督办) with a progress log, and the recurring
-- templates the daily job turns into one occurrence per period; and the permissions of all of
-- them on a platform set up before they existed.

-- A meeting, owned (SPEC §1) by the unit that holds it. Attendees are a JSON array
-- [{"unit_id"?, "org_id"?, "name"}] kept with the meeting: they are read and written with it,
-- never queried on their own.
CREATE TABLE meetings (
  id                 {{id}},
  unit_id            BIGINT NOT NULL REFERENCES units (id),
  kind               TEXT NOT NULL CHECK (kind IN ('consultation', 'dispatch', 'half_year_summary',
                                                   'year_end_summary', 'joint_meeting', 'other')),
  title              TEXT NOT NULL,
  starts_at          TEXT NOT NULL,  -- date-time in +08:00, so text order is time order
  location           TEXT,
  agenda             TEXT,
  attendees          TEXT NOT NULL,  -- JSON array
  minutes            TEXT,           -- NULL until recorded
  template_id        BIGINT,         -- the template whose occurrence created it
  created_by_user_id BIGINT,         -- NULL when the daily job created it
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX meetings_unit ON meetings (unit_id, starts_at);
CREATE INDEX meetings_starts ON meetings (starts_at);

-- A decision of a meeting to be carried out by an owner (a unit, an organisation or a named
-- person) by a deadline. unit_id is the meeting's unit, copied so scoped reads need no join;
-- the owner unit and the owner organisation see it too (supervised_task_repo.cpp).
CREATE TABLE supervised_tasks (
  id                 {{id}},
  meeting_id         BIGINT NOT NULL REFERENCES meetings (id),
  unit_id            BIGINT NOT NULL REFERENCES units (id),
  text               TEXT NOT NULL,
  owner_unit_id      BIGINT REFERENCES units (id),
  owner_org_id       BIGINT REFERENCES orgs (id),
  owner_name         TEXT,
  deadline           TEXT NOT NULL,  -- a date
  status             TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done')),
  created_by_user_id BIGINT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (owner_unit_id IS NULL OR owner_org_id IS NULL)
);
CREATE INDEX supervised_tasks_unit ON supervised_tasks (unit_id, id);
CREATE INDEX supervised_tasks_owner_unit ON supervised_tasks (owner_unit_id, id);
CREATE INDEX supervised_tasks_owner_org ON supervised_tasks (owner_org_id, id);
CREATE INDEX supervised_tasks_meeting ON supervised_tasks (meeting_id, id);
CREATE INDEX supervised_tasks_deadline ON supervised_tasks (deadline);

-- What was reported on a task, oldest first; status_to differs from status_from on a change.
CREATE TABLE supervised_task_progress (
  id          {{id}},
  task_id     BIGINT NOT NULL REFERENCES supervised_tasks (id),
  note        TEXT,
  status_from TEXT NOT NULL,
  status_to   TEXT NOT NULL,
  by_user_id  BIGINT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX supervised_task_progress_task ON supervised_task_progress (task_id, id);

-- A recurring template of a unit: a meeting or a report task each period of its recurrence.
-- spec is the JSON of what each occurrence creates ({"kind","title_pattern","location"?,
-- "attendees"?} or {"title_pattern","indicators","scope_unit_id","deadline_days"}).
CREATE TABLE mechanism_templates (
  id                 {{id}},
  unit_id            BIGINT NOT NULL REFERENCES units (id),
  name               TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('meeting', 'report_task')),
  recurrence         TEXT NOT NULL CHECK (recurrence IN ('monthly', 'quarterly', 'half_yearly',
                                                         'yearly')),
  starts_on          TEXT NOT NULL,
  ends_on            TEXT,
  lead_days          BIGINT NOT NULL CHECK (lead_days >= 0),
  spec               TEXT NOT NULL,
  active             INTEGER NOT NULL,
  created_by_user_id BIGINT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX mechanism_templates_unit ON mechanism_templates (unit_id, id);

-- One occurrence per template and period: the unique key InsertOrConflict relies on, so
-- concurrent daily runs create each occurrence once.
CREATE TABLE mechanism_occurrences (
  id             {{id}},
  template_id    BIGINT NOT NULL REFERENCES mechanism_templates (id),
  period         TEXT NOT NULL,
  unit_id        BIGINT NOT NULL REFERENCES units (id),
  meeting_id     BIGINT REFERENCES meetings (id),
  report_task_id BIGINT,
  created_at     TEXT NOT NULL,
  UNIQUE (template_id, period)
);

-- The mechanism permissions for the roles that have them by default (domain/account/roles.cpp),
-- on a platform set up before they existed; a new platform is seeded from the code at init.
INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'union_officer' AS role, 'mechanism:meeting:list' AS permission
      UNION ALL SELECT 'union_officer', 'mechanism:meeting:edit'
      UNION ALL SELECT 'union_officer', 'mechanism:task:list'
      UNION ALL SELECT 'union_officer', 'mechanism:task:progress'
      UNION ALL SELECT 'union_officer', 'mechanism:template:list'
      UNION ALL SELECT 'union_officer', 'mechanism:template:edit'
      UNION ALL SELECT 'civil_affairs_officer', 'mechanism:meeting:list'
      UNION ALL SELECT 'civil_affairs_officer', 'mechanism:meeting:edit'
      UNION ALL SELECT 'civil_affairs_officer', 'mechanism:task:list'
      UNION ALL SELECT 'civil_affairs_officer', 'mechanism:task:progress'
      UNION ALL SELECT 'civil_affairs_officer', 'mechanism:template:list'
      UNION ALL SELECT 'civil_affairs_officer', 'mechanism:template:edit'
      UNION ALL SELECT 'org_member', 'mechanism:task:list'
      UNION ALL SELECT 'org_member', 'mechanism:task:progress') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);
