-- Audit: the append-only, hash-chained log (SPEC §4 "Audit", SECURITY.md "Audit").
-- Portable SQL; see README.md here for {{id}}. Rows are written only by domain/audit.
--
-- Ids are assigned by the append itself (audit_head.last_id + 1), not by the identity default,
-- because the id is part of the hashed entry and must be known before the row is inserted.
-- before_json / after_json hold canonical JSON text (NULL when absent).

CREATE TABLE audit_log (
  id             {{id}},
  at             TEXT NOT NULL,
  actor_user_id  BIGINT,
  actor_username TEXT NOT NULL,
  ip             TEXT NOT NULL,
  request_id     TEXT NOT NULL,
  action         TEXT NOT NULL,
  entity         TEXT NOT NULL,
  entity_id      TEXT,
  before_json    TEXT,
  after_json     TEXT,
  outcome        TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  prev_hash      TEXT NOT NULL,
  hash           TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id);

-- The chain's head: one row that every append updates first, so concurrent PostgreSQL
-- transactions queue on its row lock and can never fork the chain (SQLite: BEGIN IMMEDIATE).
CREATE TABLE audit_head (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  last_id   BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
