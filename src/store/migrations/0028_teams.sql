-- Rural-revitalisation teams (乡村振兴合力团, SPEC §4; issue #13 point 1): teams of social
-- organisations with their members and paired counties, yearly plans, help projects shared by
-- members, consumption assistance, and the permissions on a platform set up before them.

-- A team, owned (SPEC §1) by its creator's unit. lead_org_id is also a row of team_members
-- (lead = 1), so "the organisations of a team" is one table.
CREATE TABLE teams (
  id          {{id}},
  name        TEXT NOT NULL,
  domain      TEXT NOT NULL
              CHECK (domain IN ('industry', 'organization', 'talent', 'consumption', 'charity')),
  lead_org_id BIGINT NOT NULL REFERENCES orgs (id),
  unit_id     BIGINT NOT NULL REFERENCES units (id),
  created_by  BIGINT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX teams_unit ON teams (unit_id, id);
CREATE INDEX teams_lead ON teams (lead_org_id);

CREATE TABLE team_members (
  team_id BIGINT NOT NULL REFERENCES teams (id),
  org_id  BIGINT NOT NULL REFERENCES orgs (id),
  lead    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (team_id, org_id)
);
-- An org member's teams (the scope's EXISTS probe) and an organisation's page.
CREATE INDEX team_members_org ON team_members (org_id, team_id);

-- 结对帮扶县: the counties a team is paired with.
CREATE TABLE team_counties (
  team_id     BIGINT NOT NULL REFERENCES teams (id),
  county_code TEXT NOT NULL REFERENCES regions (code),
  PRIMARY KEY (team_id, county_code)
);

-- One plan per team and year (InsertOrConflict on the unique key: exact under concurrency).
CREATE TABLE team_plans (
  id                {{id}},
  team_id           BIGINT NOT NULL REFERENCES teams (id),
  year              INTEGER NOT NULL,
  projects_planned  BIGINT NOT NULL CHECK (projects_planned >= 0),
  funds_planned_fen BIGINT NOT NULL CHECK (funds_planned_fen >= 0),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (team_id, year)
);

-- A help project is one row whoever takes part in it: totals count rows, so a project shared
-- by several members counts once; help_project_members attributes it to each of them.
CREATE TABLE help_projects (
  id            {{id}},
  team_id       BIGINT NOT NULL REFERENCES teams (id),
  title         TEXT NOT NULL,
  county_code   TEXT NOT NULL REFERENCES regions (code),
  funds_fen     BIGINT NOT NULL CHECK (funds_fen >= 0),
  beneficiaries BIGINT NOT NULL CHECK (beneficiaries >= 0),
  started_on    TEXT NOT NULL,
  created_by    BIGINT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX help_projects_team ON help_projects (team_id, started_on);

CREATE TABLE help_project_members (
  help_project_id BIGINT NOT NULL REFERENCES help_projects (id),
  org_id          BIGINT NOT NULL REFERENCES orgs (id),
  PRIMARY KEY (help_project_id, org_id)
);
CREATE INDEX help_project_members_org ON help_project_members (org_id, help_project_id);

-- 消费帮扶: direct purchases of a county's produce, and sales the team helped make.
CREATE TABLE team_consumption (
  id          {{id}},
  team_id     BIGINT NOT NULL REFERENCES teams (id),
  on_date     TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('direct_purchase', 'sales_helped')),
  amount_fen  BIGINT NOT NULL CHECK (amount_fen > 0),
  county_code TEXT NOT NULL REFERENCES regions (code),
  created_by  BIGINT,
  created_at  TEXT NOT NULL
);
CREATE INDEX team_consumption_team ON team_consumption (team_id, on_date);

-- The team permissions for the roles that have them by default (domain/account/roles.cpp), on
-- a platform set up before they existed; a new platform is seeded from the code at init.
INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'union_officer' AS role, 'team:team:list' AS permission
      UNION ALL SELECT 'union_officer', 'team:team:edit'
      UNION ALL SELECT 'civil_affairs_officer', 'team:team:list'
      UNION ALL SELECT 'civil_affairs_officer', 'team:team:edit'
      UNION ALL SELECT 'org_member', 'team:team:list') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);
