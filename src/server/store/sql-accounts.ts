/** The accounts contract (account-store.ts) in SQL, on PGlite and PostgreSQL alike. */
import type { AccountStore, SessionRow } from './account-store';
import type { SqlClient } from './sql-client';
import { USER_COLUMNS, iso, toMs, toNumber, userFromRow } from './sql-rows';

/** A device's last-seen time is written at most this often (it is informative, not security). */
const TOUCH_INTERVAL_MS = 60_000;
/** The share of reserved sign-in attempts that also purge throttle keys past their window. */
const PURGE_CHANCE = 0.02;

export function sqlAccounts(db: SqlClient): AccountStore {
  /** The live device (not revoked, user not disabled) matching `where`, with its user. */
  const findSessionWhere = async (where: string, params: unknown[]): Promise<SessionRow | null> => {
    const cols = USER_COLUMNS.split(', ').map((c) => `u.${c}`).join(', ');
    const rows = await db.query<Record<string, unknown>>(
      `SELECT d.id AS device_id, d.name AS device_name, d.created_at AS device_created_at, d.last_seen_at, d.signed_out_at,
              d.scope_epoch AS device_scope_epoch, ${cols}
       FROM devices d JOIN users u ON u.organization_id = d.organization_id AND u.id = d.user_id
       WHERE ${where} AND d.revoked_at IS NULL AND NOT u.disabled`,
      params,
    );
    const r = rows[0];
    if (!r) return null;
    const user = userFromRow(r);
    return {
      organizationId: user.organizationId, deviceId: String(r.device_id), deviceName: String(r.device_name),
      deviceCreatedAtMs: toMs(r.device_created_at) ?? 0, lastSeenAtMs: toMs(r.last_seen_at), signedOutAtMs: toMs(r.signed_out_at),
      deviceScopeEpoch: toNumber(r.device_scope_epoch), user,
    };
  };

  return {
    async findUserByLogin(login) {
      const rows = await db.query<Record<string, unknown>>(`SELECT ${USER_COLUMNS} FROM users WHERE login = $1`, [login]);
      return rows[0] ? userFromRow(rows[0]) : null;
    },

    async reserveSignInAttempt(key, { free, baseDelayMs, maxDelayMs, windowMs }, nowMs) {
      // One statement: the row lock of ON CONFLICT serialises parallel attempts on one key (on
      // PostgreSQL across server processes too); the WHERE refuses an attempt made too early.
      const attempts = 'CASE WHEN t.last_ms <= $2::bigint - $6::bigint THEN 1 ELSE t.attempts + 1 END';
      const next = (n: string) => `CASE WHEN ${n} >= $3::int THEN $2::bigint + LEAST(($4::bigint * power(2, LEAST(${n} - $3::int, 40)))::bigint, $5::bigint) ELSE 0 END`;
      const rows = await db.query(
        `INSERT INTO login_throttle AS t (key, attempts, last_ms, next_ms) VALUES ($1, 1, $2::bigint, ${next('1')})
         ON CONFLICT (key) DO UPDATE SET attempts = ${attempts}, last_ms = $2::bigint, next_ms = ${next(attempts)}
         WHERE t.next_ms <= $2::bigint OR t.last_ms <= $2::bigint - $6::bigint
         RETURNING attempts`,
        [key, nowMs, free, baseDelayMs, maxDelayMs, windowMs],
      );
      if (rows.length > 0) {
        // Keys nobody used for a window are forgotten now and then (the index keeps it cheap).
        if (Math.random() < PURGE_CHANCE) await db.query('DELETE FROM login_throttle WHERE last_ms <= $1::bigint', [nowMs - windowMs]);
        return { reserved: true };
      }
      const held = await db.query<{ next_ms: unknown }>('SELECT next_ms FROM login_throttle WHERE key = $1', [key]);
      return { reserved: false, retryAtMs: toNumber(held[0]?.next_ms ?? nowMs) };
    },

    async releaseSignInAttempt(key, how) {
      if (how === 'clear') await db.query('DELETE FROM login_throttle WHERE key = $1', [key]);
      else await db.query('UPDATE login_throttle SET attempts = GREATEST(attempts - 1, 0) WHERE key = $1', [key]);
    },

    async listUsers(organizationId) {
      const rows = await db.query<Record<string, unknown>>(`SELECT ${USER_COLUMNS} FROM users WHERE organization_id = $1 ORDER BY login`, [organizationId]);
      return rows.map(userFromRow);
    },

    async updateUser(organizationId, userId, patch) {
      const sets: string[] = [];
      const values: unknown[] = [organizationId, userId];
      const add = (column: string, value: unknown, cast = '') => {
        values.push(value);
        sets.push(`${column} = $${values.length}${cast}`);
      };
      // A different scope raises the epoch (compared with the old values: SET sees the row before the update).
      const scopeChanges: string[] = [];
      if (patch.roles) {
        add('roles', JSON.stringify(patch.roles), '::jsonb');
        scopeChanges.push(`roles IS DISTINCT FROM $${values.length}::jsonb`);
      }
      if (patch.unitIds) {
        add('unit_ids', JSON.stringify(patch.unitIds), '::jsonb');
        scopeChanges.push(`unit_ids IS DISTINCT FROM $${values.length}::jsonb`);
      }
      if (scopeChanges.length > 0) sets.push(`scope_epoch = scope_epoch + CASE WHEN ${scopeChanges.join(' OR ')} THEN 1 ELSE 0 END`);
      if (patch.displayName !== undefined) add('display_name', patch.displayName);
      if (patch.disabled !== undefined) add('disabled', patch.disabled);
      if (patch.passwordHash !== undefined) add('password_hash', patch.passwordHash);
      if (sets.length === 0) {
        // Nothing to change: still say whether the account exists (an empty change of an unknown account is notFound).
        return (await db.query('SELECT 1 AS x FROM users WHERE organization_id = $1 AND id = $2', [organizationId, userId])).length > 0;
      }
      const rows = await db.query<Record<string, unknown>>(`UPDATE users SET ${sets.join(', ')} WHERE organization_id = $1 AND id = $2 RETURNING id`, values);
      return rows.length > 0;
    },

    async setSecondFactor(organizationId, userId, { secret, enabled, recoveryCodeHashes }) {
      await db.query(
        'UPDATE users SET totp_secret = $3, totp_enabled = $4, recovery_codes = $5::jsonb, totp_last_step = NULL WHERE organization_id = $1 AND id = $2',
        [organizationId, userId, secret, enabled, JSON.stringify(recoveryCodeHashes)],
      );
    },

    async useTotpStep(organizationId, userId, step) {
      const rows = await db.query(
        'UPDATE users SET totp_last_step = $3 WHERE organization_id = $1 AND id = $2 AND (totp_last_step IS NULL OR totp_last_step < $3) RETURNING id',
        [organizationId, userId, step],
      );
      return rows.length > 0;
    },

    async useRecoveryCode(organizationId, userId, codeHash) {
      // jsonb `-` removes the matching string from the array; `@>` makes the update happen only if it is there.
      const rows = await db.query(
        `UPDATE users SET recovery_codes = recovery_codes - $3::text
         WHERE organization_id = $1 AND id = $2 AND recovery_codes @> jsonb_build_array($3::text) RETURNING id`,
        [organizationId, userId, codeHash],
      );
      return rows.length > 0;
    },

    async recoveryCodesLeft(organizationId, userId) {
      const rows = await db.query<{ n: unknown }>('SELECT jsonb_array_length(recovery_codes) AS n FROM users WHERE organization_id = $1 AND id = $2', [organizationId, userId]);
      return toNumber(rows[0]?.n ?? 0);
    },

    findSession: (tokenHash) => findSessionWhere('d.token_hash = $1', [tokenHash]),

    findSessionByDevice: (organizationId, deviceId) => findSessionWhere('d.organization_id = $1 AND d.id = $2', [organizationId, deviceId]),

    async deviceRefusal(where) {
      const [clause, params] = 'tokenHash' in where
        ? ['d.token_hash = $1', [where.tokenHash]]
        : ['d.organization_id = $1 AND d.id = $2', [where.organizationId, where.deviceId]];
      const rows = await db.query<Record<string, unknown>>(
        `SELECT d.revoked_at, u.disabled FROM devices d JOIN users u ON u.organization_id = d.organization_id AND u.id = d.user_id WHERE ${clause}`,
        params,
      );
      const r = rows[0];
      if (!r) return null;
      if (r.revoked_at !== null && r.revoked_at !== undefined) return 'deviceRevoked';
      return r.disabled === true ? 'accountDisabled' : null;
    },

    async touchDevice(organizationId, deviceId, nowMs) {
      await db.query(
        'UPDATE devices SET last_seen_at = $3 WHERE organization_id = $1 AND id = $2 AND (last_seen_at IS NULL OR last_seen_at < $4)',
        [organizationId, deviceId, iso(nowMs), iso(nowMs - TOUCH_INTERVAL_MS)],
      );
    },

    async revokeDevice(organizationId, deviceId, nowMs) {
      await db.query('UPDATE devices SET revoked_at = $3 WHERE organization_id = $1 AND id = $2 AND revoked_at IS NULL', [organizationId, deviceId, iso(nowMs)]);
    },

    async signOutUserDevices(organizationId, userId, nowMs, exceptDeviceId) {
      const rows = await db.query(
        `UPDATE devices SET signed_out_at = $3
         WHERE organization_id = $1 AND user_id = $2 AND revoked_at IS NULL AND signed_out_at IS NULL AND id IS DISTINCT FROM $4
         RETURNING id`,
        [organizationId, userId, iso(nowMs), exceptDeviceId],
      );
      return rows.length;
    },

    async reportDeviceState(organizationId, deviceId, state) {
      await db.query('UPDATE devices SET pending_changes = $3, last_sync_at = $4 WHERE organization_id = $1 AND id = $2',
        [organizationId, deviceId, state.pending, state.lastSyncAtMs === null ? null : iso(state.lastSyncAtMs)]);
    },

    async setDeviceScopeEpoch(organizationId, deviceId, epoch) {
      await db.query('UPDATE devices SET scope_epoch = $3 WHERE organization_id = $1 AND id = $2', [organizationId, deviceId, epoch]);
    },

    async listDevices(organizationId) {
      const rows = await db.query<Record<string, unknown>>(
        'SELECT id, user_id, name, created_at, last_seen_at, revoked_at, pending_changes, last_sync_at FROM devices WHERE organization_id = $1 ORDER BY created_at DESC', [organizationId],
      );
      return rows.map((r) => ({
        id: String(r.id), userId: String(r.user_id), name: String(r.name), createdAtMs: toMs(r.created_at) ?? 0, lastSeenAtMs: toMs(r.last_seen_at), revokedAtMs: toMs(r.revoked_at),
        pendingChanges: r.pending_changes === null || r.pending_changes === undefined ? null : toNumber(r.pending_changes), lastSyncAtMs: toMs(r.last_sync_at),
      }));
    },

    async directory(organizationId) {
      const [users, devices] = await Promise.all([
        db.query<Record<string, unknown>>('SELECT id, display_name FROM users WHERE organization_id = $1', [organizationId]),
        db.query<Record<string, unknown>>('SELECT id, name FROM devices WHERE organization_id = $1', [organizationId]),
      ]);
      return {
        users: new Map(users.map((u) => [String(u.id), String(u.display_name)])),
        devices: new Map(devices.map((d) => [String(d.id), String(d.name)])),
      };
    },
  };
}
