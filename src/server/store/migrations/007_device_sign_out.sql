-- Issue 14 item 6: a password change or reset signs the account's other devices out. Such a
-- device is not revoked: it keeps its local data and unsent changes and asks for the password
-- again (401 sessionExpired), so the moment has its own column. Idle and absolute expiry need
-- no column: they follow from last_seen_at and created_at and the server's configuration.
ALTER TABLE devices ADD COLUMN signed_out_at timestamptz;
