/** The accounts contract (account-store.ts) in SQL, on PGlite and PostgreSQL alike. */
import type { AccountStore, SessionRow } from './account-store';
import type { SqlClient } from './sql-client';
import { USER_COLUMNS, iso, toMs, toNumber, userFromRow } from './sql-rows';

/** A device's last-seen time is written at most this often (it is informative, not security). */
const TOUCH_INTERVAL_MS = 60_000;

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

    async registerLoginFailure(organizationId, userId, { nowMs, maxAttempts, lockMs }) {
      const rows = await db.query<{ failed_logins: unknown }>(
        `UPDATE users SET failed_logins = failed_logins + 1 WHERE organization_id = $1 AND id = $2 RETURNING failed_logins`,
        [organizationId, userId],
      );
      const count = toNumber(rows[0]?.failed_logins ?? 0);
      if (count < maxAttempts) return { locked: false };
      await db.query('UPDATE users SET failed_logins = 0, locked_until = $3 WHERE organization_id = $1 AND id = $2', [organizationId, userId, iso(nowMs + lockMs)]);
      return { locked: true };
    },

    async clearLoginFailures(organizationId, userId) {
      await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE organization_id = $1 AND id = $2', [organizationId, userId]);
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

    findSession: (tokenHash) => findSessionWhere('d.token_hash = $1', [tokenHash]),

    findSessionByDevice: (organizationId, deviceId) => findSessionWhere('d.organization_id = $1 AND d.id = $2', [organizationId, deviceId]),

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

    async setDeviceScopeEpoch(organizationId, deviceId, epoch) {
      await db.query('UPDATE devices SET scope_epoch = $3 WHERE organization_id = $1 AND id = $2', [organizationId, deviceId, epoch]);
    },

    async listDevices(organizationId) {
      const rows = await db.query<Record<string, unknown>>(
        'SELECT id, user_id, name, created_at, last_seen_at, revoked_at FROM devices WHERE organization_id = $1 ORDER BY created_at DESC', [organizationId],
      );
      return rows.map((r) => ({
        id: String(r.id), userId: String(r.user_id), name: String(r.name), createdAtMs: toMs(r.created_at) ?? 0, lastSeenAtMs: toMs(r.last_seen_at), revokedAtMs: toMs(r.revoked_at),
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
