-- Double-random inspections (双随机抽查, SPEC §4 "Supervision", §5.2; issue #12): plans with
-- their frozen pools and seed commitment, the draw, the teams, the results, and the standing
-- conflict declarations of users (回避声明), which evaluations read as well.

-- A plan, owned (SPEC §1) by its creator's unit. The pools and conflicts are frozen at creation
-- as JSON arrays in the order SPEC §5.2 fixes (the draw indexes into them; the public page shows
-- them as they are). The seed stays sealed under the deployment key (seed_sealed, associated
-- data the commitment) until the draw reveals it in `seed` (hex); selections is the draw's
-- JSON array. status: planned → drawn → published.
CREATE TABLE inspection_plans (
  id                  {{id}},
  name                TEXT NOT NULL,
  unit_id             BIGINT NOT NULL REFERENCES units (id),
  created_by_user_id  BIGINT NOT NULL,
  inspector_unit_id   BIGINT NOT NULL REFERENCES units (id),
  sample_size         BIGINT NOT NULL CHECK (sample_size >= 1),
  inspectors_per_team BIGINT NOT NULL CHECK (inspectors_per_team >= 1),
  org_filter          TEXT NOT NULL,
  org_pool            TEXT NOT NULL,
  inspector_pool      TEXT NOT NULL,
  conflicts           TEXT NOT NULL,
  org_pool_size       BIGINT NOT NULL,
  inspector_pool_size BIGINT NOT NULL,
  seed_commitment     TEXT NOT NULL UNIQUE,
  seed_sealed         TEXT NOT NULL,
  seed                TEXT,
  selections          TEXT,
  status              TEXT NOT NULL CHECK (status IN ('planned', 'drawn', 'published')),
  drawn_at            TEXT,
  published_at        TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  CHECK ((status = 'planned') = (seed IS NULL))
);
CREATE INDEX inspection_plans_unit ON inspection_plans (unit_id, id);

-- One drawn organisation of a plan: its place in the draw, its result once recorded.
CREATE TABLE inspection_results (
  id                  {{id}},
  plan_id             BIGINT NOT NULL REFERENCES inspection_plans (id),
  position            BIGINT NOT NULL,
  uscc                TEXT NOT NULL,
  org_id              BIGINT REFERENCES orgs (id),
  result              TEXT CHECK (result IS NULL OR result IN ('no_issue', 'rectify',
                                                               'case_opened', 'unreachable')),
  findings            TEXT NOT NULL DEFAULT '',
  recorded_by_user_id BIGINT,
  recorded_at         TEXT,
  UNIQUE (plan_id, uscc),
  UNIQUE (plan_id, position)
);

-- Who inspects which drawn organisation (the team, in drawn order).
CREATE TABLE inspection_assignments (
  plan_id      BIGINT NOT NULL REFERENCES inspection_plans (id),
  uscc         TEXT NOT NULL,
  inspector_id BIGINT NOT NULL REFERENCES users (id),
  position     BIGINT NOT NULL,
  PRIMARY KEY (plan_id, uscc, inspector_id)
);
CREATE INDEX inspection_assignments_inspector ON inspection_assignments (inspector_id, plan_id);

-- A standing declaration that a user may not inspect or evaluate an organisation, owned by the
-- user's unit. One per (user, USCC).
CREATE TABLE user_conflicts (
  id                 {{id}},
  user_id            BIGINT NOT NULL REFERENCES users (id),
  uscc               TEXT NOT NULL,
  unit_id            BIGINT NOT NULL REFERENCES units (id),
  created_by_user_id BIGINT NOT NULL,
  created_at         TEXT NOT NULL,
  UNIQUE (user_id, uscc)
);

-- The inspection permissions for the roles that have them by default (domain/account/roles.cpp)
-- on a platform set up before they existed.
INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'civil_affairs_officer' AS role, 'inspection:plan:list' AS permission
      UNION ALL SELECT 'civil_affairs_officer', 'inspection:plan:edit'
      UNION ALL SELECT 'civil_affairs_officer', 'inspection:conflict:list'
      UNION ALL SELECT 'civil_affairs_officer', 'inspection:conflict:edit'
      UNION ALL SELECT 'inspector', 'inspection:result:edit'
      UNION ALL SELECT 'inspector', 'inspection:conflict:list'
      UNION ALL SELECT 'inspector', 'inspection:conflict:edit') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);
