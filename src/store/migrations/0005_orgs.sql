-- The organisation registry (SPEC §4 "Organisations"): records, service categories, the name
-- search index, the change history shown as a timeline, and union links (联系引导).

CREATE TABLE orgs (
  id                   {{id}},
  name                 TEXT NOT NULL,
  uscc                 TEXT NOT NULL UNIQUE,
  org_type             TEXT NOT NULL
                       CHECK (org_type IN ('social_group', 'social_service', 'foundation', 'other')),
  region_code          TEXT NOT NULL REFERENCES regions (code),
  registration_unit_id BIGINT NOT NULL REFERENCES units (id),
  legal_rep            TEXT NOT NULL,
  phone                TEXT NOT NULL,
  founded_on           TEXT NOT NULL,
  business_scope       TEXT NOT NULL,
  labour_field         INTEGER NOT NULL DEFAULT 0,
  status               TEXT NOT NULL CHECK (status IN ('applying', 'registered', 'abnormal',
                                                        'deregistering', 'deregistered', 'rejected')),
  grade                TEXT,  -- 5A..1A from evaluations; NULL when never graded
  grade_valid_until    TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE INDEX orgs_unit ON orgs (registration_unit_id, id);
CREATE INDEX orgs_region ON orgs (region_code, id);
CREATE INDEX orgs_status ON orgs (status, id);
CREATE INDEX orgs_name ON orgs (name);

CREATE TABLE org_categories (
  org_id   BIGINT NOT NULL REFERENCES orgs (id),
  category TEXT NOT NULL,
  PRIMARY KEY (org_id, category)
);
CREATE INDEX org_categories_category ON org_categories (category, org_id);

-- Every one- and two-character window of every name (CJK-aware substring search that works for
-- the one- and two-character queries trigram indexes cannot serve), see org_search.hpp.
CREATE TABLE org_name_grams (
  gram   TEXT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs (id),
  PRIMARY KEY (gram, org_id)
);
CREATE INDEX org_name_grams_org ON org_name_grams (org_id);

CREATE TABLE org_events (
  id             {{id}},
  org_id         BIGINT NOT NULL REFERENCES orgs (id),
  at             TEXT NOT NULL,
  actor_user_id  BIGINT,
  actor_username TEXT NOT NULL,
  action         TEXT NOT NULL,  -- create, update, transition, review
  from_status    TEXT,
  to_status      TEXT,
  reason         TEXT NOT NULL,
  details_json   TEXT NOT NULL   -- the changed fields, a review's checklist, ...
);
CREATE INDEX org_events_org ON org_events (org_id, id);

CREATE TABLE org_links (
  id         {{id}},
  unit_id    BIGINT NOT NULL REFERENCES units (id),
  org_id     BIGINT NOT NULL REFERENCES orgs (id),
  since      TEXT NOT NULL,
  until      TEXT,  -- NULL while active; set when the link is removed
  created_at TEXT NOT NULL
);
CREATE INDEX org_links_unit ON org_links (unit_id, org_id);
CREATE INDEX org_links_org ON org_links (org_id);
