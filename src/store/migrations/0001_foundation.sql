-- Foundation: settings, regions (GB/T 2260), the unit tree, users and sessions.
-- Portable SQL; {{id}} is the dialect's auto-assigned 64-bit primary key (see README.md here).
-- Times are TEXT: dates 'YYYY-MM-DD', date-times 'YYYY-MM-DDTHH:MM:SS+08:00' (sortable as text).
-- Booleans are INTEGER 0/1.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE regions (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  level       INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),  -- 0 nation, 1 province, 2 city, 3 county
  parent_code TEXT REFERENCES regions (code)
);
CREATE INDEX regions_parent ON regions (parent_code);

-- Ancestor/descendant pairs including (code, code, 0): "a covers b" is one indexed lookup.
CREATE TABLE region_closure (
  ancestor   TEXT NOT NULL REFERENCES regions (code),
  descendant TEXT NOT NULL REFERENCES regions (code),
  depth      INTEGER NOT NULL,
  PRIMARY KEY (ancestor, descendant)
);
CREATE INDEX region_closure_descendant ON region_closure (descendant, depth);

CREATE TABLE units (
  id                           {{id}},
  name                         TEXT NOT NULL,
  kind                         TEXT NOT NULL CHECK (kind IN ('union', 'civil_affairs', 'other')),
  region_code                  TEXT NOT NULL REFERENCES regions (code),
  parent_id                    BIGINT REFERENCES units (id),
  leading_group_established_on TEXT,
  created_at                   TEXT NOT NULL,
  updated_at                   TEXT NOT NULL
);
CREATE INDEX units_parent ON units (parent_id);

CREATE TABLE unit_closure (
  ancestor   BIGINT NOT NULL REFERENCES units (id),
  descendant BIGINT NOT NULL REFERENCES units (id),
  depth      INTEGER NOT NULL,
  PRIMARY KEY (ancestor, descendant)
);
CREATE INDEX unit_closure_descendant ON unit_closure (descendant, depth);

CREATE TABLE users (
  id                   {{id}},
  username             TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  unit_id              BIGINT NOT NULL REFERENCES units (id),
  org_id               BIGINT,
  worker_id            BIGINT,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  disabled             INTEGER NOT NULL DEFAULT 0,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE INDEX users_unit ON users (unit_id);

CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id),
  role    TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);

-- Session tokens are stored as SHA-256 hex digests, never in clear.
CREATE TABLE sessions (
  id           {{id}},
  token_hash   TEXT NOT NULL UNIQUE,
  csrf_token   TEXT NOT NULL,
  user_id      BIGINT NOT NULL REFERENCES users (id),
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  ip           TEXT NOT NULL,
  user_agent   TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
