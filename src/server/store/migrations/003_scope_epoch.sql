-- Obecni schema, version 2: a change of an account's scope (roles, units) makes its devices
-- resync in full, so records of a unit the user no longer works in leave their devices.
-- users.scope_epoch grows with each such change; devices.scope_epoch is the user's epoch at the
-- device's last full pull (since = 0). A pull with since > 0 from a device whose epoch differs is
-- answered 410 cursorExpired.
ALTER TABLE users ADD COLUMN scope_epoch integer NOT NULL DEFAULT 0;
-- Devices signed in before this migration keep pulling incrementally (their scope has not changed).
ALTER TABLE devices ADD COLUMN scope_epoch integer NOT NULL DEFAULT 0;
-- Devices signed in from now on have not pulled in full yet: -1 matches no epoch.
ALTER TABLE devices ALTER COLUMN scope_epoch SET DEFAULT -1;
