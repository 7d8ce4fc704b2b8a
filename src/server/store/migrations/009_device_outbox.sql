-- What each device reports at each sync (issue 17.1): how many changes wait on it and when it last
-- synced, so the administrator's device list shows devices holding unsent changes or silent for
-- days. Informative only (a device's word about itself), never used for access decisions.
ALTER TABLE devices ADD COLUMN pending_changes integer;
ALTER TABLE devices ADD COLUMN last_sync_at timestamptz;
