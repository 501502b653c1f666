-- Imports are written in batches of short transactions (issue #7: other writers never wait for
-- a whole import): the new organisations are first staged, invisible (orgs.import_id set),
-- then published chunk by chunk. org_imports tracks each import, so one interrupted by a crash
-- is discarded (while staging) or finished (once publishing) when the server starts.

CREATE TABLE org_imports (
  id          {{id}},
  unit_id     BIGINT NOT NULL REFERENCES units (id),  -- the importer's unit
  user_id     BIGINT,
  username    TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('staging', 'publishing', 'done', 'failed')),
  created     BIGINT NOT NULL DEFAULT 0,
  updated     BIGINT NOT NULL DEFAULT 0,
  started_at  TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX org_imports_state ON org_imports (state);

-- NULL: a published organisation. Set: staged by that import, seen by nobody yet, though its
-- USCC is taken (the unique index holds staged rows too).
ALTER TABLE orgs ADD COLUMN import_id BIGINT REFERENCES org_imports (id);
CREATE INDEX orgs_staged ON orgs (import_id, id) WHERE import_id IS NOT NULL;

-- Changes an import makes to existing organisations, applied when it publishes.
CREATE TABLE org_import_updates (
  import_id  BIGINT NOT NULL REFERENCES org_imports (id),
  org_id     BIGINT NOT NULL REFERENCES orgs (id),
  row_number BIGINT NOT NULL,
  after_json TEXT NOT NULL,
  PRIMARY KEY (import_id, org_id)
);
