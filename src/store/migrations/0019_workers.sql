-- Workers (职工, SPEC §4 "/workers"; issue #11): their personal fields, groups and PIPL deletion,
-- one account per worker, and the permissions on a platform set up before.
--
-- The phone and the ID number are stored only as AES-256-GCM ciphertexts under the deployment
-- key (hex of nonce ‖ ciphertext ‖ tag), their associated data naming the column and the row's
-- `seal_id` (a random value fixed at the first seal), so a ciphertext moved to another row or
-- column does not open. Beside each, a blind index: hex HMAC-SHA256, under a subkey of the
-- deployment key, of the normalised value, for exact lookup (domain/worker/worker_keys.hpp).
-- Every column is nullable or has a default: rows inserted with only (unit_id, name) stay valid.
ALTER TABLE workers ADD COLUMN seal_id TEXT;
ALTER TABLE workers ADD COLUMN phone_sealed TEXT;
ALTER TABLE workers ADD COLUMN phone_index TEXT;
ALTER TABLE workers ADD COLUMN id_number_sealed TEXT;
ALTER TABLE workers ADD COLUMN id_number_index TEXT;
ALTER TABLE workers ADD COLUMN employer TEXT;
ALTER TABLE workers ADD COLUMN region_code TEXT;
-- Codes of the data dictionary worker_group, comma-separated in code order (common::JoinCodes),
-- kept beside worker_groups (which the group filter uses) so a list page reads them with the row.
ALTER TABLE workers ADD COLUMN group_codes TEXT NOT NULL DEFAULT '';
ALTER TABLE workers ADD COLUMN created_by BIGINT;
-- Set by the PIPL deletion, which also clears every personal field (the row and its id stay,
-- so anonymous counts of sign-ups, check-ins and demands referring to it stay right).
ALTER TABLE workers ADD COLUMN deleted_at TEXT;

-- A phone identifies one live worker: a second create or import of it → 409 / a row error,
-- exact under concurrency (the index, not a probe). Deleted workers hold no index.
CREATE UNIQUE INDEX workers_phone ON workers (phone_index) WHERE phone_index IS NOT NULL;
CREATE INDEX workers_id_number ON workers (id_number_index) WHERE id_number_index IS NOT NULL;
CREATE INDEX workers_region ON workers (region_code, id);

CREATE TABLE worker_groups (
  worker_id  BIGINT NOT NULL REFERENCES workers (id),
  group_code TEXT NOT NULL,
  PRIMARY KEY (worker_id, group_code)
);
CREATE INDEX worker_groups_code ON worker_groups (group_code, worker_id);

-- One account per worker (activation → 409 for a second one). Accounts that shared a worker
-- keep the oldest link; the others are disabled and unlinked (their role worker stays, so the
-- administrator sees and fixes them).
UPDATE users SET disabled = 1, worker_id = NULL
WHERE worker_id IS NOT NULL
  AND id NOT IN (SELECT MIN(id) FROM users WHERE worker_id IS NOT NULL GROUP BY worker_id);
CREATE UNIQUE INDEX users_worker ON users (worker_id) WHERE worker_id IS NOT NULL;

-- The worker permissions for the roles that have them by default (domain/account/roles.cpp),
-- on a platform set up before they existed; a new platform is seeded from the code at init.
INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'union_officer' AS role, 'system:worker:edit' AS permission
      UNION ALL SELECT 'union_officer', 'system:worker:import'
      UNION ALL SELECT 'union_officer', 'system:worker:delete') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);
