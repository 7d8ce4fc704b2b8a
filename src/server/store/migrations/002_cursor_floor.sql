-- Obecni schema: the pull-cursor floor of an organization. A restore from a backup renumbers the
-- records above every sequence number the old server can have handed out and sets this floor; a
-- pull with 0 < since < cursor_floor comes from a device that synced with the old server and is
-- answered 410 cursorExpired (the device resyncs in full). 0 means "never restored".
ALTER TABLE organizations ADD COLUMN cursor_floor bigint NOT NULL DEFAULT 0;
