-- Supervision, part one (issue #12; SPEC §4 "Supervision" and "Credit lists"): organisations'
-- annual reports (年报/年检) and their review, administrative penalties (行政处罚), the dated
-- credit rules' key on credit entries, and the permissions of all three on a platform set up
-- before them.

-- One organisation's report for one year. Owned (SPEC §1) by the organisation's registration
-- unit, copied here at submission so scoped reads need no join. status: submitted (待审核) →
-- reviewed (result set) or returned (退回修改) → submitted again. Money in fen.
CREATE TABLE annual_reports (
  id                      {{id}},
  org_id                  BIGINT NOT NULL REFERENCES orgs (id),
  year                    INTEGER NOT NULL,
  income_fen              BIGINT NOT NULL CHECK (income_fen >= 0),
  expense_fen             BIGINT NOT NULL CHECK (expense_fen >= 0),
  net_assets_fen          BIGINT NOT NULL CHECK (net_assets_fen >= 0),
  gov_purchase_income_fen BIGINT NOT NULL CHECK (gov_purchase_income_fen >= 0),
  activities              TEXT NOT NULL,
  status                  TEXT NOT NULL CHECK (status IN ('submitted', 'returned', 'reviewed')),
  result                  TEXT CHECK (result IN ('pass', 'basic_pass', 'fail')),
  review_comment          TEXT,
  return_comment          TEXT,
  unit_id                 BIGINT NOT NULL REFERENCES units (id),
  submitted_by_user_id    BIGINT,
  submitted_at            TEXT NOT NULL,
  reviewed_by_user_id     BIGINT,
  reviewed_at             TEXT,
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  CHECK (gov_purchase_income_fen <= income_fen),
  CHECK ((status = 'reviewed') = (result IS NOT NULL))
);
-- One report per organisation and year (InsertOrConflict relies on it); also the index of an
-- organisation's reports and of "has it reported for year Y" (the overdue list, the rules).
CREATE UNIQUE INDEX annual_reports_org_year ON annual_reports (org_id, year);
CREATE INDEX annual_reports_unit ON annual_reports (unit_id, id);
CREATE INDEX annual_reports_status ON annual_reports (status, id);

-- An administrative penalty (行政处罚) decided by the registration authority; public.
CREATE TABLE penalties (
  id                 {{id}},
  org_id             BIGINT NOT NULL REFERENCES orgs (id),
  decided_on         TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('warning', 'fine', 'confiscation',
                                                   'suspension', 'revocation')),
  reason             TEXT NOT NULL,
  decision_no        TEXT,
  amount_fen         BIGINT CHECK (amount_fen IS NULL OR amount_fen >= 0),
  unit_id            BIGINT NOT NULL REFERENCES units (id),
  created_by_user_id BIGINT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX penalties_org ON penalties (org_id, id);

-- The dated rule that entered an entry, once per organisation ("annual_report:2023": no report
-- for 2023 by 2024-06-30; "dishonest_after:<entry id>": two years on that abnormal entry). The
-- unique index makes each rule's effect happen once, however often and from however many
-- processes the job runs — also after an officer removed the entry it made.
ALTER TABLE credit_entries ADD COLUMN rule TEXT;
CREATE UNIQUE INDEX credit_entries_rule ON credit_entries (org_id, rule) WHERE rule IS NOT NULL;

INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'civil_affairs_officer' AS role, 'annual:report:list' AS permission
      UNION ALL SELECT 'civil_affairs_officer', 'annual:report:submit'
      UNION ALL SELECT 'civil_affairs_officer', 'annual:report:review'
      UNION ALL SELECT 'civil_affairs_officer', 'annual:penalty:list'
      UNION ALL SELECT 'civil_affairs_officer', 'annual:penalty:edit'
      UNION ALL SELECT 'inspector', 'annual:report:list'
      UNION ALL SELECT 'inspector', 'annual:penalty:list'
      UNION ALL SELECT 'org_member', 'annual:report:list'
      UNION ALL SELECT 'org_member', 'annual:report:submit'
      UNION ALL SELECT 'org_member', 'annual:penalty:list') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);
