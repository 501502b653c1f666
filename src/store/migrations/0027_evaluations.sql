-- Grade evaluations (等级评估, SPEC §4 "Supervision", §5.3; issue #12 part 2): templates with an
-- indicator tree and grade thresholds, evaluations of one organisation by assigned experts, the
-- experts' leaf scores, the built-in templates of several localities' scales, and the
-- permissions on a platform set up before them.

-- A template (评估指标体系). Points are kept in tenths (one decimal at most, exact integers);
-- thresholds and indicators are the API's JSON ({"5A": 900, …}, [{code, name, max_score,
-- children?}]), checked before they are written. unit_id is the creating unit (its subtree
-- changes it); NULL for the built-in templates, which nobody changes. uses counts the
-- evaluations made with it: a template is changed only while unused (the conditional update
-- and the evaluation's increment meet on this row, exact under concurrency).
CREATE TABLE evaluation_templates (
  id               {{id}},
  name             TEXT NOT NULL,
  unit_id          BIGINT REFERENCES units (id),
  max_score_tenths BIGINT NOT NULL CHECK (max_score_tenths > 0),
  thresholds       TEXT NOT NULL,
  indicators       TEXT NOT NULL,
  uses             INTEGER NOT NULL DEFAULT 0,
  created_by       BIGINT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX evaluation_templates_unit ON evaluation_templates (unit_id, id);

-- One evaluation of one organisation, owned (SPEC §1) by the organisation's registration unit,
-- copied at creation. Scoring until finalised, once: the score (tenths, §5.3), the grade (NULL
-- below 1A) and its validity (five years) are then set here and on the organisation.
CREATE TABLE evaluations (
  id           {{id}},
  org_id       BIGINT NOT NULL REFERENCES orgs (id),
  template_id  BIGINT NOT NULL REFERENCES evaluation_templates (id),
  unit_id      BIGINT NOT NULL REFERENCES units (id),
  status       TEXT NOT NULL CHECK (status IN ('scoring', 'finalized')),
  score_tenths BIGINT,
  grade        TEXT CHECK (grade IS NULL OR grade IN ('5A', '4A', '3A', '2A', '1A')),
  finalized_on TEXT,
  valid_until  TEXT,
  created_by   BIGINT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX evaluations_unit ON evaluations (unit_id, id);
CREATE INDEX evaluations_org ON evaluations (org_id, id);
-- At most one evaluation of an organisation being scored (InsertOrConflict: exact).
CREATE UNIQUE INDEX evaluations_open ON evaluations (org_id) WHERE status = 'scoring';

-- An expert assigned to an evaluation; its leaf scores (JSON {"code": tenths}) and their total
-- once scored; dropped marks the highest or lowest total left out at finalisation (§5.3).
CREATE TABLE evaluation_experts (
  evaluation_id  BIGINT NOT NULL REFERENCES evaluations (id),
  expert_user_id BIGINT NOT NULL REFERENCES users (id),
  position       INTEGER NOT NULL,
  scores         TEXT,
  total_tenths   BIGINT,
  dropped        INTEGER NOT NULL DEFAULT 0,
  scored_at      TEXT,
  PRIMARY KEY (evaluation_id, expert_user_id)
);
CREATE INDEX evaluation_experts_expert ON evaluation_experts (expert_user_id, evaluation_id);

-- The built-in templates. The national scale's thresholds are SPEC's defaults; 辰溪县's 100-point
-- thresholds are its 2025 notice's (5A ≥ 90 … 1A ≥ 50); 安庆市's 5A line 950 is its 2021
-- notice's, the lower lines were chosen in the same 50-point steps (the notice as found was cut
-- off). The indicator trees follow the first-level headings of those notices; their splits are
-- plausible, not copied from any published table.
INSERT INTO evaluation_templates (name, unit_id, max_score_tenths, thresholds, indicators, uses,
                                  created_at, updated_at)
VALUES ('全国社会组织评估指标（1000分制）', NULL, 10000,
        '{"5A":900,"4A":800,"3A":700,"2A":600,"1A":500}',
        '[{"code":"1","name":"基础条件","max_score":80,"children":[{"code":"1.1","name":"法人资格","max_score":30},{"code":"1.2","name":"章程规范","max_score":20},{"code":"1.3","name":"登记备案","max_score":30}]},{"code":"2","name":"内部治理","max_score":270,"children":[{"code":"2.1","name":"组织机构","max_score":80},{"code":"2.2","name":"人力资源","max_score":50},{"code":"2.3","name":"财务资产管理","max_score":90},{"code":"2.4","name":"档案证章管理","max_score":50}]},{"code":"3","name":"工作绩效","max_score":550,"children":[{"code":"3.1","name":"提供服务","max_score":250},{"code":"3.2","name":"参与社会治理与公益","max_score":150},{"code":"3.3","name":"自身建设与信息公开","max_score":150}]},{"code":"4","name":"社会评价","max_score":100,"children":[{"code":"4.1","name":"内部评价","max_score":50},{"code":"4.2","name":"外部评价","max_score":50}]}]',
        0, '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00');
INSERT INTO evaluation_templates (name, unit_id, max_score_tenths, thresholds, indicators, uses,
                                  created_at, updated_at)
VALUES ('辰溪县社会组织评估指标（100分制）', NULL, 1000,
        '{"5A":90,"4A":80,"3A":70,"2A":60,"1A":50}',
        '[{"code":"1","name":"基础条件","max_score":10,"children":[{"code":"1.1","name":"法人资格","max_score":5},{"code":"1.2","name":"章程规范","max_score":5}]},{"code":"2","name":"党的建设","max_score":15,"children":[{"code":"2.1","name":"组织建设","max_score":8},{"code":"2.2","name":"作用发挥","max_score":7}]},{"code":"3","name":"内部治理","max_score":30,"children":[{"code":"3.1","name":"组织机构","max_score":10},{"code":"3.2","name":"财务管理","max_score":12},{"code":"3.3","name":"档案管理","max_score":8}]},{"code":"4","name":"工作绩效","max_score":35,"children":[{"code":"4.1","name":"业务活动","max_score":20},{"code":"4.2","name":"社会服务","max_score":15}]},{"code":"5","name":"社会评价","max_score":10,"children":[{"code":"5.1","name":"内部评价","max_score":5},{"code":"5.2","name":"外部评价","max_score":5}]}]',
        0, '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00');
INSERT INTO evaluation_templates (name, unit_id, max_score_tenths, thresholds, indicators, uses,
                                  created_at, updated_at)
VALUES ('安庆市社会组织评估指标（1000分制）', NULL, 10000,
        '{"5A":950,"4A":900,"3A":850,"2A":800,"1A":750}',
        '[{"code":"1","name":"基础条件","max_score":100,"children":[{"code":"1.1","name":"法人资格","max_score":40},{"code":"1.2","name":"章程规范","max_score":30},{"code":"1.3","name":"登记备案","max_score":30}]},{"code":"2","name":"内部治理","max_score":300,"children":[{"code":"2.1","name":"组织机构","max_score":100},{"code":"2.2","name":"财务资产管理","max_score":120},{"code":"2.3","name":"档案证章管理","max_score":80}]},{"code":"3","name":"工作绩效","max_score":480,"children":[{"code":"3.1","name":"业务活动","max_score":280},{"code":"3.2","name":"诚信建设","max_score":200}]},{"code":"4","name":"社会评价","max_score":120,"children":[{"code":"4.1","name":"内部评价","max_score":60},{"code":"4.2","name":"外部评价","max_score":60}]}]',
        0, '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00');

-- The evaluation permissions for the roles that have them by default (domain/account/roles.cpp),
-- on a platform set up before they existed; a new platform is seeded from the code at init.
INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'civil_affairs_officer' AS role, 'evaluation:template:list' AS permission
      UNION ALL SELECT 'civil_affairs_officer', 'evaluation:template:edit'
      UNION ALL SELECT 'civil_affairs_officer', 'evaluation:evaluation:list'
      UNION ALL SELECT 'civil_affairs_officer', 'evaluation:evaluation:manage'
      UNION ALL SELECT 'expert', 'evaluation:evaluation:list'
      UNION ALL SELECT 'expert', 'evaluation:evaluation:score') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);
