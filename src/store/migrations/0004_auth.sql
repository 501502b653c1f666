-- Authentication hardening: TOTP, lockout counters, the login log, MFA challenges.

-- TOTP secrets are AES-256-GCM sealed with the deployment key (hex), never stored in clear.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending_secret TEXT;
-- The last TOTP step accepted, so a code cannot be replayed within its window.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN password_changed_at TEXT;

-- Consecutive failures per username (known or not) within the lockout window.
CREATE TABLE login_failures (
  username         TEXT PRIMARY KEY,
  failures         INTEGER NOT NULL,
  first_failure_at BIGINT NOT NULL,  -- Unix seconds
  locked_until     BIGINT            -- Unix seconds; NULL when not locked
);

CREATE TABLE login_log (
  id         {{id}},
  at         TEXT NOT NULL,
  username   TEXT NOT NULL,
  user_id    BIGINT,
  ip         TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  outcome    TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'locked', 'rate_limited')),
  reason     TEXT NOT NULL
);
CREATE INDEX login_log_at ON login_log (at);
CREATE INDEX login_log_username ON login_log (username, at);

-- Password accepted, second factor pending: a single-use token valid for five minutes.
CREATE TABLE mfa_challenges (
  id         {{id}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id    BIGINT NOT NULL REFERENCES users (id),
  expires_at BIGINT NOT NULL  -- Unix seconds
);
