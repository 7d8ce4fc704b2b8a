-- Sign-in throttling (issue 14): attempts are counted per login-and-address and per address,
-- reserved in one statement before the password is checked, so parallel attempts cannot slip
-- past the count, and several server processes on one PostgreSQL share it. The key is a SHA-256
-- of the login and the address (never either in clear); rows untouched for a window are purged.
-- Not organization data: unknown logins are counted the same way, and nothing here is backed up.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  -- attempts reserved in the current window (failures, plus those still being checked)
  attempts integer NOT NULL,
  -- epoch ms of the last reserved attempt, and the earliest the next one may be made
  last_ms bigint NOT NULL,
  next_ms bigint NOT NULL
);
CREATE INDEX login_throttle_last ON login_throttle (last_ms);
