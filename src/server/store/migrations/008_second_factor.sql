-- Issue 14 item 9: an optional second factor for sign-in (TOTP, RFC 6238) with one-time recovery
-- codes. totp_secret is set when enrolment starts and used once totp_enabled is true;
-- totp_last_step is the last 30-second step accepted (a code is never accepted twice);
-- recovery_codes holds the SHA-256 hashes of the unused codes (a used one is removed).
-- Backups do not carry these: a restored account signs in with its password and enrols again.
ALTER TABLE users ADD COLUMN totp_secret text;
ALTER TABLE users ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN totp_last_step bigint;
ALTER TABLE users ADD COLUMN recovery_codes jsonb NOT NULL DEFAULT '[]'::jsonb;
