-- Demand list ↔ resource list (资源清单与需求清单精准对接, SPEC §4 "Demands and resources",
-- §5.1; issue #10): demands of union units, resources published by organisations, matching runs
-- with their proposals (matches) and the demands they left unmatched, and the permissions on a
-- platform set up before.

-- A demand (需求), owned by its unit (SPEC §1). `matched` is the headcount of its accepted (and
-- later) matches; status follows it (open / partly_matched / matched) until closed or withdrawn,
-- in the same conditional UPDATE that reserves: exact under concurrency.
CREATE TABLE demands (
  id           {{id}},
  title        TEXT NOT NULL,
  category     TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  headcount    BIGINT NOT NULL CHECK (headcount > 0),
  window_start TEXT NOT NULL,
  window_end   TEXT NOT NULL,
  target_group TEXT,
  description  TEXT,
  unit_id      BIGINT NOT NULL REFERENCES units (id),
  worker_id    BIGINT,  -- the worker who posted it from the phone pages (issue #11)
  status       TEXT NOT NULL CHECK (status IN ('open', 'partly_matched', 'matched', 'closed',
                                               'withdrawn')),
  matched      BIGINT NOT NULL DEFAULT 0 CHECK (matched >= 0 AND matched <= headcount),
  created_by   BIGINT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (window_start <= window_end)
);
CREATE INDEX demands_unit ON demands (unit_id, id);
CREATE INDEX demands_status ON demands (status, category, id);
CREATE INDEX demands_region ON demands (region_code, id);

-- A resource (资源) an organisation offers. `reserved` is the headcount of its accepted (and
-- later) matches, kept by one conditional UPDATE per acceptance (never past capacity).
CREATE TABLE resources (
  id                  {{id}},
  org_id              BIGINT NOT NULL REFERENCES orgs (id),
  title               TEXT NOT NULL,
  category            TEXT NOT NULL,
  region_codes        TEXT NOT NULL,  -- comma-separated, as given (resource_regions indexes them)
  capacity            BIGINT NOT NULL CHECK (capacity > 0),
  reserved            BIGINT NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= capacity),
  window_start        TEXT NOT NULL,
  window_end          TEXT NOT NULL,
  cost_per_person_fen BIGINT NOT NULL CHECK (cost_per_person_fen >= 0),
  description         TEXT,
  status              TEXT NOT NULL CHECK (status IN ('open', 'partly_matched', 'matched',
                                                      'closed', 'withdrawn')),
  created_by          BIGINT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  CHECK (window_start <= window_end)
);
CREATE INDEX resources_org ON resources (org_id, id);
CREATE INDEX resources_status ON resources (status, category, id);

CREATE TABLE resource_regions (
  resource_id BIGINT NOT NULL REFERENCES resources (id),
  region_code TEXT NOT NULL,
  PRIMARY KEY (resource_id, region_code)
);
CREATE INDEX resource_regions_code ON resource_regions (region_code, resource_id);

-- A matching run (匹配方案), owned by the creator's unit, with what it was asked and its optimum.
CREATE TABLE matching_runs (
  id                   {{id}},
  unit_id              BIGINT NOT NULL REFERENCES units (id),
  created_by           BIGINT,
  region_code          TEXT,
  category             TEXT,
  demand_ids           TEXT,  -- the id lists that restricted the run, comma-separated
  resource_ids         TEXT,
  demands_considered   BIGINT NOT NULL,
  resources_considered BIGINT NOT NULL,
  arcs                 BIGINT NOT NULL,
  matched_headcount    BIGINT NOT NULL,
  unmatched_headcount  BIGINT NOT NULL,
  total_cost_fen       BIGINT NOT NULL,
  solve_ms             BIGINT NOT NULL,
  created_at           TEXT NOT NULL
);
CREATE INDEX matching_runs_unit ON matching_runs (unit_id, id);

-- One assignment of a run: proposed → accepted → in_service → done → rated, or rejected /
-- withdrawn. Owned by the demand's unit; the resource's organisation sees it too.
CREATE TABLE matches (
  id             {{id}},
  run_id         BIGINT NOT NULL REFERENCES matching_runs (id),
  demand_id      BIGINT NOT NULL REFERENCES demands (id),
  resource_id    BIGINT NOT NULL REFERENCES resources (id),
  unit_id        BIGINT NOT NULL,  -- the demand's unit (the owner)
  org_id         BIGINT NOT NULL,  -- the resource's organisation
  headcount      BIGINT NOT NULL CHECK (headcount > 0),
  cost_fen       BIGINT NOT NULL CHECK (cost_fen >= 0),
  reasons        TEXT NOT NULL,    -- JSON array of message ids with their parameters
  status         TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected',
                                                 'in_service', 'done', 'rated', 'withdrawn')),
  rating         INTEGER CHECK (rating IS NULL OR (rating >= 1 AND rating <= 5)),
  rating_comment TEXT,
  project_id     BIGINT,
  decided_by     BIGINT,
  decided_at     TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX matches_run ON matches (run_id, id);
CREATE INDEX matches_demand ON matches (demand_id, id);
CREATE INDEX matches_resource ON matches (resource_id, id);
CREATE INDEX matches_unit ON matches (unit_id, status, id);
CREATE INDEX matches_org ON matches (org_id, status, id);
CREATE UNIQUE INDEX matches_project ON matches (project_id) WHERE project_id IS NOT NULL;

-- The demands a run left (partly) unmatched, with the constraint that bound them.
CREATE TABLE matching_unmatched (
  run_id    BIGINT NOT NULL REFERENCES matching_runs (id),
  demand_id BIGINT NOT NULL REFERENCES demands (id),
  headcount BIGINT NOT NULL,
  reason    TEXT NOT NULL CHECK (reason IN ('no_compatible_resource', 'window',
                                            'capacity_exhausted')),
  PRIMARY KEY (run_id, demand_id)
);

-- The matching permissions for the roles that have them by default (domain/account/roles.cpp),
-- on a platform set up before they existed; a new platform is seeded from the code at init.
INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'union_officer' AS role, 'match:demand:list' AS permission
      UNION ALL SELECT 'union_officer', 'match:demand:edit'
      UNION ALL SELECT 'union_officer', 'match:resource:list'
      UNION ALL SELECT 'union_officer', 'match:run:list'
      UNION ALL SELECT 'union_officer', 'match:run:create'
      UNION ALL SELECT 'union_officer', 'match:match:progress'
      UNION ALL SELECT 'union_officer', 'match:match:rate'
      UNION ALL SELECT 'org_member', 'match:resource:list'
      UNION ALL SELECT 'org_member', 'match:resource:edit'
      UNION ALL SELECT 'org_member', 'match:run:list'
      UNION ALL SELECT 'org_member', 'match:match:progress') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);
