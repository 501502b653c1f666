-- Excellent-project selection (优秀项目评选, issue #9 point 5) and the booklet (选编) generated
-- from a published round (point 6); the permissions on a platform set up before.

-- A round (one batch of one year) organised by a unit, which owns it (SPEC §1: the creator's
-- unit). Every logged-in holder of project:selection:list reads rounds (units below nominate
-- to them); changing one outside the organiser's subtree → 403.
CREATE TABLE selection_rounds (
  id                  {{id}},
  title               TEXT NOT NULL,
  year                INTEGER NOT NULL,
  batch               INTEGER NOT NULL CHECK (batch >= 1),
  unit_id             BIGINT NOT NULL REFERENCES units (id),
  status              TEXT NOT NULL CHECK (status IN ('draft', 'nominating', 'scoring',
                                                      'published')),
  experts_per_project INTEGER NOT NULL CHECK (experts_per_project BETWEEN 1 AND 15),
  rubric              TEXT NOT NULL,  -- JSON [{"code","name","max_score"}…], scores are integers
  published_on        TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE UNIQUE INDEX selection_rounds_batch ON selection_rounds (unit_id, year, batch);
CREATE INDEX selection_rounds_status ON selection_rounds (status, id);

-- How many excellent projects a round selects per service category.
CREATE TABLE selection_quotas (
  round_id BIGINT NOT NULL REFERENCES selection_rounds (id),
  category TEXT NOT NULL,
  quota    INTEGER NOT NULL CHECK (quota >= 1),
  PRIMARY KEY (round_id, category)
);

-- A project nominated to a round by a unit whose scope holds it; at most once per round. Its
-- score (mean expert total in tenths, half up), rank within its category and whether it was
-- selected are set when the round is published.
CREATE TABLE selection_nominations (
  id           {{id}},
  round_id     BIGINT NOT NULL REFERENCES selection_rounds (id),
  project_id   BIGINT NOT NULL REFERENCES projects (id),
  unit_id      BIGINT NOT NULL REFERENCES units (id),  -- the nominating unit
  category     TEXT NOT NULL,                          -- the project's, at nomination
  story        TEXT NOT NULL,
  score_tenths BIGINT,
  rank         INTEGER,
  excellent    INTEGER NOT NULL DEFAULT 0,
  created_by   BIGINT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX selection_nominations_once ON selection_nominations (round_id, project_id);
CREATE INDEX selection_nominations_round ON selection_nominations (round_id, category, id);
CREATE INDEX selection_nominations_excellent ON selection_nominations (excellent, round_id);

-- An expert assigned to score a nomination; scores (JSON {"code": points}) and their total once
-- scored.
CREATE TABLE selection_assignments (
  nomination_id  BIGINT NOT NULL REFERENCES selection_nominations (id),
  expert_user_id BIGINT NOT NULL REFERENCES users (id),
  round_id       BIGINT NOT NULL REFERENCES selection_rounds (id),
  scores         TEXT,
  total          BIGINT,
  scored_at      TEXT,
  PRIMARY KEY (nomination_id, expert_user_id)
);
CREATE INDEX selection_assignments_expert ON selection_assignments (expert_user_id, round_id);
CREATE INDEX selection_assignments_round ON selection_assignments (round_id, expert_user_id);

-- The booklet of a published round, generated in the background (at most one job per round
-- is queued or running: the partial unique index).
CREATE TABLE booklet_jobs (
  id         {{id}},
  round_id   BIGINT NOT NULL REFERENCES selection_rounds (id),
  status     TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress   INTEGER NOT NULL DEFAULT 0,  -- percent
  pages      INTEGER,
  projects   INTEGER,
  error      TEXT,
  pdf        {{blob}},
  xlsx       {{blob}},
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX booklet_jobs_round ON booklet_jobs (round_id, id);
CREATE UNIQUE INDEX booklet_jobs_active ON booklet_jobs (round_id)
  WHERE status IN ('queued', 'running');

INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'union_officer' AS role, 'project:selection:list' AS permission
      UNION ALL SELECT 'union_officer', 'project:selection:manage'
      UNION ALL SELECT 'union_officer', 'project:selection:nominate'
      UNION ALL SELECT 'expert', 'project:selection:list'
      UNION ALL SELECT 'expert', 'project:selection:score') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);
