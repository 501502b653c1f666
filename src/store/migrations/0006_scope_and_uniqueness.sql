-- Issue #7: the audit log's owner unit (its data scope), uniqueness that used to be checked
-- before inserting, and the workers a worker account refers to.

-- The unit owning the audited record; NULL for deployment-wide objects and anonymous attempts
-- (visible at the platform level only). Part of the hashed entry when set.
ALTER TABLE audit_log ADD COLUMN owner_unit_id BIGINT;
CREATE INDEX audit_log_owner ON audit_log (owner_unit_id, id);

-- Usernames are unique whatever their case. Accounts that only differed in case keep working
-- under a suffixed name (shown to the administrator, who can rename them).
UPDATE users SET username = username || '-' || CAST(id AS TEXT)
WHERE id NOT IN (SELECT MIN(id) FROM users GROUP BY lower(username));
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));

-- Failure counters are kept per lower-cased username, so case variants share one lockout.
DELETE FROM login_failures;

-- At most one active link per (unit, organisation): earlier duplicates end on their start day.
UPDATE org_links SET until = since
WHERE until IS NULL AND id NOT IN
  (SELECT MIN(id) FROM org_links WHERE until IS NULL GROUP BY unit_id, org_id);
CREATE UNIQUE INDEX org_links_active ON org_links (unit_id, org_id) WHERE until IS NULL;

-- Workers (职工) that worker accounts stand for, owned by the unit that registered them. The
-- venues issue adds their personal fields (encrypted) and the pages to manage them.
CREATE TABLE workers (
  id         {{id}},
  unit_id    BIGINT NOT NULL REFERENCES units (id),
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX workers_unit ON workers (unit_id, id);
