/**
 * The backup contract (backup-store.ts) in SQL. The snapshot is one REPEATABLE READ, READ ONLY
 * transaction read with keyset pagination; the restore runs in one transaction under the first-run
 * lock, inserting rows in batches from JSON arrays (one statement per batch).
 */
import type { BackupAuditRow, BackupDevice, BackupErasureRow, BackupHistoryRow, BackupRecord, BackupUser } from '../backup/format';
import type { BackupSnapshot, BackupStore, RestoreTarget } from './backup-store';
import type { SqlClient, SqlDatabase } from './sql-client';
import { insertAudit } from './sql-audit';
import { erasureFromRow, iso, json, toMs, toNumber } from './sql-rows';
import { sqlStoreTx } from './sql-tx';

/** Rows read per statement. */
const PAGE = 500;

const instant = (value: unknown): string => iso(toMs(value) ?? 0);
const maybeInstant = (value: unknown): string | null => (value === null || value === undefined ? null : instant(value));

type Row = Record<string, unknown>;

/** Pages through `select` (whose last two parameters are the last key seen and the page size), in key order. */
async function* pages<T>(sql: SqlClient, select: string, params: unknown[], keyOf: (row: Row) => unknown, first: unknown, map: (row: Row) => T): AsyncIterable<T[]> {
  let last = first;
  for (;;) {
    const rows = await sql.query<Row>(select, [...params, last, PAGE]);
    if (rows.length === 0) return;
    yield rows.map(map);
    last = keyOf(rows[rows.length - 1] as Row);
    if (rows.length < PAGE) return;
  }
}

function userOf(r: Row): BackupUser {
  return {
    id: String(r.id), login: String(r.login), displayName: String(r.display_name), passwordHash: String(r.password_hash),
    roles: json<BackupUser['roles']>(r.roles), unitIds: json<string[]>(r.unit_ids), failedLogins: toNumber(r.failed_logins),
    lockedUntil: maybeInstant(r.locked_until), disabled: Boolean(r.disabled), createdAt: instant(r.created_at),
  };
}

function deviceOf(r: Row): BackupDevice {
  return {
    id: String(r.id), userId: String(r.user_id), name: String(r.name), createdAt: instant(r.created_at),
    lastSeenAt: maybeInstant(r.last_seen_at), revokedAt: maybeInstant(r.revoked_at),
  };
}

function recordOf(r: Row): BackupRecord {
  return { id: String(r.id), seq: toNumber(r.seq), hlc: String(r.hlc), deleted: Boolean(r.deleted), fieldHlc: json(r.field_hlc), data: json(r.data) };
}

function historyOf(r: Row): BackupHistoryRow {
  return {
    mutationId: String(r.mutation_id), seq: r.seq === null ? null : toNumber(r.seq), entity: String(r.entity), recordId: String(r.record_id),
    userId: String(r.user_id), deviceId: String(r.device_id), hlc: String(r.hlc), patch: json(r.patch), oldValues: json(r.old_values),
    appliedFields: json(r.applied_fields), defaultFields: json(r.default_fields), receivedAt: instant(r.received_at),
  };
}

function auditOf(r: Row): BackupAuditRow {
  return {
    id: toNumber(r.id), at: instant(r.at), userId: (r.user_id as string | null) ?? null, deviceId: (r.device_id as string | null) ?? null,
    action: String(r.action), entity: (r.entity as string | null) ?? null, recordId: (r.record_id as string | null) ?? null, details: json(r.details),
  };
}

function sqlSnapshot(sql: SqlClient): BackupSnapshot {
  const countOf = async (table: string, organizationId: string) =>
    toNumber((await sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table} WHERE organization_id = $1`, [organizationId]))[0]?.n ?? 0);
  return {
    async organizations() {
      const rows = await sql.query<Row>('SELECT id, name, created_at, cursor_floor FROM organizations ORDER BY created_at, id');
      return rows.map((r) => ({ id: String(r.id), name: String(r.name), createdAt: instant(r.created_at), cursorFloor: toNumber(r.cursor_floor) }));
    },
    async changeSeq() {
      const r = (await sql.query<Row>('SELECT last_value, is_called FROM change_seq'))[0];
      return r && r.is_called ? toNumber(r.last_value) : 0;
    },
    async counts(organizationId) {
      const perEntity = await sql.query<{ entity: string; n: unknown }>('SELECT entity, count(*) AS n FROM records WHERE organization_id = $1 GROUP BY entity', [organizationId]);
      return {
        users: await countOf('users', organizationId),
        devices: await countOf('devices', organizationId),
        records: Object.fromEntries(perEntity.map((r) => [r.entity, toNumber(r.n)])),
        history: await countOf('mutations', organizationId),
        audit: await countOf('audit_log', organizationId),
        erasures: await countOf('erasures', organizationId),
      };
    },
    users: (organizationId) => pages(sql, 'SELECT * FROM users WHERE organization_id = $1 AND id > $2 ORDER BY id LIMIT $3', [organizationId], (r) => r.id, '', userOf),
    devices: (organizationId) => pages(sql,
      'SELECT id, user_id, name, created_at, last_seen_at, revoked_at FROM devices WHERE organization_id = $1 AND id > $2 ORDER BY id LIMIT $3',
      [organizationId], (r) => r.id, '', deviceOf),
    records: (organizationId, entity) => pages(sql,
      'SELECT id, seq, hlc, deleted, field_hlc, data FROM records WHERE organization_id = $1 AND entity = $2 AND seq > $3 ORDER BY seq LIMIT $4',
      [organizationId, entity], (r) => toNumber(r.seq), 0, recordOf),
    history: (organizationId) => pages(sql, 'SELECT * FROM mutations WHERE organization_id = $1 AND mutation_id > $2 ORDER BY mutation_id LIMIT $3',
      [organizationId], (r) => r.mutation_id, '', historyOf),
    audit: (organizationId) => pages(sql, 'SELECT * FROM audit_log WHERE organization_id = $1 AND id > $2 ORDER BY id LIMIT $3',
      [organizationId], (r) => toNumber(r.id), 0, auditOf),
    erasures: (organizationId) => pages(sql, 'SELECT entity, record_id, no, erased_at FROM erasures WHERE organization_id = $1 AND no > $2 ORDER BY no LIMIT $3',
      [organizationId], (r) => toNumber(r.no), 0, (r): BackupErasureRow => erasureFromRow(r)),
  };
}

function sqlRestoreTarget(sql: SqlClient, newId: () => string): RestoreTarget {
  return {
    records: sqlStoreTx(sql, newId),
    async changeSeq() {
      return toNumber((await sql.query<Row>('SELECT last_value FROM change_seq'))[0]?.last_value ?? 0);
    },
    async createOrganization(org) {
      await sql.query('INSERT INTO organizations (id, name, created_at, cursor_floor) VALUES ($1, $2, $3, $4)', [org.id, org.name, org.createdAt, org.cursorFloor]);
    },
    async addUsers(organizationId, rows) {
      await sql.query(
        `INSERT INTO users (organization_id, id, login, display_name, password_hash, roles, unit_ids, failed_logins, locked_until, disabled, created_at)
         SELECT $1, u->>'id', u->>'login', u->>'displayName', u->>'passwordHash', u->'roles', u->'unitIds', (u->>'failedLogins')::integer,
                (u->>'lockedUntil')::timestamptz, (u->>'disabled')::boolean, (u->>'createdAt')::timestamptz
         FROM jsonb_array_elements($2::jsonb) AS t(u)`,
        [organizationId, JSON.stringify(rows)],
      );
    },
    // The token hash 'restored:<id>' is never a SHA-256 hex, so no token matches it.
    async addDevices(organizationId, rows, revokedAt) {
      await sql.query(
        `INSERT INTO devices (organization_id, id, user_id, name, token_hash, created_at, last_seen_at, revoked_at)
         SELECT $1, d->>'id', d->>'userId', d->>'name', 'restored:' || (d->>'id'), (d->>'createdAt')::timestamptz,
                (d->>'lastSeenAt')::timestamptz, coalesce((d->>'revokedAt')::timestamptz, $3::timestamptz)
         FROM jsonb_array_elements($2::jsonb) AS t(d)`,
        [organizationId, JSON.stringify(rows), revokedAt],
      );
    },
    async addRecords(organizationId, rows) {
      await sql.query(
        `INSERT INTO records (organization_id, entity, id, data, field_hlc, hlc, deleted, seq)
         SELECT $1, r->>'entity', r->>'id', r->'data', r->'fieldHlc', r->>'hlc', (r->>'deleted')::boolean, (r->>'seq')::bigint
         FROM jsonb_array_elements($2::jsonb) AS t(r)`,
        [organizationId, JSON.stringify(rows)],
      );
    },
    async addHistory(organizationId, rows) {
      await sql.query(
        `INSERT INTO mutations (organization_id, mutation_id, seq, entity, record_id, user_id, device_id, hlc, patch, old_values, applied_fields, default_fields, received_at)
         SELECT $1, m->>'mutationId', (m->>'seq')::bigint, m->>'entity', m->>'recordId', m->>'userId', m->>'deviceId', m->>'hlc',
                m->'patch', m->'oldValues', m->'appliedFields', COALESCE(m->'defaultFields', '[]'::jsonb), (m->>'receivedAt')::timestamptz
         FROM jsonb_array_elements($2::jsonb) AS t(m)`,
        [organizationId, JSON.stringify(rows)],
      );
    },
    async addAudit(organizationId, rows) {
      await sql.query(
        `INSERT INTO audit_log (organization_id, id, at, user_id, device_id, action, entity, record_id, details) OVERRIDING SYSTEM VALUE
         SELECT $1, (a->>'id')::bigint, (a->>'at')::timestamptz, a->>'userId', a->>'deviceId', a->>'action', a->>'entity', a->>'recordId', a->'details'
         FROM jsonb_array_elements($2::jsonb) AS t(a)`,
        [organizationId, JSON.stringify(rows)],
      );
    },
    async renumber(organizationId, firstSeq) {
      await sql.query(
        `UPDATE records r SET seq = $2::bigint - 1 + o.n
         FROM (SELECT entity, id, row_number() OVER (ORDER BY seq) AS n FROM records WHERE organization_id = $1) o
         WHERE r.organization_id = $1 AND r.entity = o.entity AND r.id = o.id`,
        [organizationId, firstSeq],
      );
      const last = await sql.query<Row>('SELECT coalesce(max(seq), $2::bigint - 1) AS m FROM records WHERE organization_id = $1', [organizationId, firstSeq]);
      await sql.query('SELECT setval(\'change_seq\', $1::bigint)', [toNumber(last[0]?.m)]);
      await sql.query("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), greatest((SELECT max(id) FROM audit_log), 1))");
    },
    audit: (organizationId, entry) => insertAudit(sql, organizationId, entry),
  };
}

/** The backup contract over `db`; `whileEmpty` runs a transaction under the first-run lock only while no organization exists. */
export function sqlBackup(db: SqlDatabase, whileEmpty: <T>(fn: (tx: SqlClient) => Promise<T>) => Promise<T | null>, newId: () => string): BackupStore {
  return {
    snapshot: (fn) => db.transaction(async (tx) => {
      await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      return fn(sqlSnapshot(tx));
    }),
    restore: (fn) => whileEmpty((tx) => fn(sqlRestoreTarget(tx, newId))),
  };
}
