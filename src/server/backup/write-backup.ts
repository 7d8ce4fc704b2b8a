/**
 * Writes the backup of one organization: in one read-only snapshot transaction, the header, then
 * every table page by page (keyset pagination), each element on its own line, straight to the
 * output. Memory holds one page, never the whole backup. Device tokens are never exported: the
 * devices go out without them and a restored server has them sign in again.
 */
import { ENTITY_NAMES, type EntityName } from '../../domain';
import { PROTOCOL_VERSION } from '../../protocol';
import { SERVER_VERSION } from '../routes/health-routes';
import type { SqlClient } from '../store/sql-client';
import { iso, json, toMs, toNumber } from '../store/sql-rows';
import type { Store } from '../store/store';
import {
  BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupAuditRow, type BackupCounts, type BackupDevice, type BackupHeader, type BackupHistoryRow,
  type BackupRecord, type BackupUser,
} from './format';

/** Rows read per statement. */
const PAGE = 500;

/** Where the text goes; resolves when the output can take more (backpressure). */
export type TextSink = (text: string) => Promise<void>;

export interface BackupSummary { organizationId: string; counts: BackupCounts; changeSeq: number }

const instant = (value: unknown): string => iso(toMs(value) ?? 0);
const maybeInstant = (value: unknown): string | null => (value === null || value === undefined ? null : instant(value));

/** The id of the only organization, or of `wanted`; throws with a code when that is ambiguous. */
export async function pickOrganization(sql: SqlClient, wanted?: string): Promise<{ id: string; name: string; createdAt: string; cursorFloor: number }> {
  const rows = await sql.query<Record<string, unknown>>('SELECT id, name, created_at, cursor_floor FROM organizations ORDER BY created_at, id');
  const pick = wanted === undefined ? (rows.length === 1 ? rows[0] : undefined) : rows.find((r) => r.id === wanted);
  if (!pick) throw new Error(rows.length === 0 ? 'noOrganization' : wanted === undefined ? 'severalOrganizations' : 'unknownOrganization');
  return { id: String(pick.id), name: String(pick.name), createdAt: instant(pick.created_at), cursorFloor: toNumber(pick.cursor_floor) };
}

async function changeSeq(sql: SqlClient): Promise<number> {
  const rows = await sql.query<Record<string, unknown>>('SELECT last_value, is_called FROM change_seq');
  const r = rows[0];
  return r && r.is_called ? toNumber(r.last_value) : 0;
}

/** Pages through `select` (which takes the organization and the last key and returns rows ordered by that key). */
async function eachPage(sql: SqlClient, select: string, params: unknown[], keyOf: (row: Record<string, unknown>) => unknown, first: unknown, fn: (rows: Record<string, unknown>[]) => Promise<void>): Promise<void> {
  let last = first;
  for (;;) {
    const rows = await sql.query<Record<string, unknown>>(select, [...params, last, PAGE]);
    if (rows.length === 0) return;
    await fn(rows);
    last = keyOf(rows[rows.length - 1] as Record<string, unknown>);
    if (rows.length < PAGE) return;
  }
}

function userOf(r: Record<string, unknown>): BackupUser {
  return {
    id: String(r.id), login: String(r.login), displayName: String(r.display_name), passwordHash: String(r.password_hash),
    roles: json<BackupUser['roles']>(r.roles), unitIds: json<string[]>(r.unit_ids), failedLogins: toNumber(r.failed_logins),
    lockedUntil: maybeInstant(r.locked_until), disabled: Boolean(r.disabled), createdAt: instant(r.created_at),
  };
}

function deviceOf(r: Record<string, unknown>): BackupDevice {
  return {
    id: String(r.id), userId: String(r.user_id), name: String(r.name), createdAt: instant(r.created_at),
    lastSeenAt: maybeInstant(r.last_seen_at), revokedAt: maybeInstant(r.revoked_at),
  };
}

function recordOf(r: Record<string, unknown>): BackupRecord {
  return { id: String(r.id), seq: toNumber(r.seq), hlc: String(r.hlc), deleted: Boolean(r.deleted), fieldHlc: json(r.field_hlc), data: json(r.data) };
}

function historyOf(r: Record<string, unknown>): BackupHistoryRow {
  return {
    mutationId: String(r.mutation_id), seq: r.seq === null ? null : toNumber(r.seq), entity: String(r.entity), recordId: String(r.record_id),
    userId: String(r.user_id), deviceId: String(r.device_id), hlc: String(r.hlc), patch: json(r.patch), oldValues: json(r.old_values),
    appliedFields: json(r.applied_fields), defaultFields: json(r.default_fields), receivedAt: instant(r.received_at),
  };
}

function auditOf(r: Record<string, unknown>): BackupAuditRow {
  return {
    id: toNumber(r.id), at: instant(r.at), userId: (r.user_id as string | null) ?? null, deviceId: (r.device_id as string | null) ?? null,
    action: String(r.action), entity: (r.entity as string | null) ?? null, recordId: (r.record_id as string | null) ?? null, details: json(r.details),
  };
}

/** The entities present, registry order first (a record of an unknown kind still goes out: the restore names it). */
function orderEntities(present: string[]): string[] {
  const known = ENTITY_NAMES.filter((e) => present.includes(e));
  return [...known, ...present.filter((e) => !(ENTITY_NAMES as string[]).includes(e)).sort()];
}

/** Writes the backup of the organization (the only one, or `organizationId`) to `out`. */
export async function writeBackup(store: Store, out: TextSink, opts: { nowMs: number; organizationId?: string }): Promise<BackupSummary> {
  const migrations = await store.appliedMigrations();
  return store.snapshot(async (sql) => {
    const org = await pickOrganization(sql, opts.organizationId);
    const params = [org.id];
    const countOf = async (table: string) => toNumber((await sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table} WHERE organization_id = $1`, params))[0]?.n ?? 0);
    const perEntity = await sql.query<{ entity: string; n: unknown }>('SELECT entity, count(*) AS n FROM records WHERE organization_id = $1 GROUP BY entity', params);
    const entities = orderEntities(perEntity.map((r) => r.entity));
    const counts: BackupCounts = {
      users: await countOf('users'),
      devices: await countOf('devices'),
      records: Object.fromEntries(entities.map((e) => [e, toNumber(perEntity.find((r) => r.entity === e)?.n ?? 0)])),
      history: await countOf('mutations'),
      audit: await countOf('audit_log'),
    };
    const header: BackupHeader = {
      format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt: iso(opts.nowMs),
      server: { version: SERVER_VERSION, protocolVersion: PROTOCOL_VERSION, database: store.kind, migrations },
      organization: { id: org.id, name: org.name, createdAt: org.createdAt },
      sequence: { changeSeq: await changeSeq(sql) },
      counts,
    };
    const members = Object.entries(header).map(([k, value]) => `${JSON.stringify(k)}:${JSON.stringify(value)}`);
    await out(`{${members.join(',\n')},\n`);

    /** Writes `"name":[` then the rows of each page, one per line, then `]`. */
    const section = async (open: string, close: string, fill: (line: (value: unknown) => Promise<void>) => Promise<void>) => {
      await out(open);
      let first = true;
      await fill(async (value) => {
        await out(`${first ? '\n' : ',\n'}${JSON.stringify(value)}`);
        first = false;
      });
      await out(close);
    };

    await section('"users":[', '\n],\n', (line) => eachPage(sql,
      'SELECT * FROM users WHERE organization_id = $1 AND id > $2 ORDER BY id LIMIT $3', params, (r) => r.id, '',
      async (rows) => { for (const r of rows) await line(userOf(r)); }));
    await section('"devices":[', '\n],\n', (line) => eachPage(sql,
      'SELECT id, user_id, name, created_at, last_seen_at, revoked_at FROM devices WHERE organization_id = $1 AND id > $2 ORDER BY id LIMIT $3', params, (r) => r.id, '',
      async (rows) => { for (const r of rows) await line(deviceOf(r)); }));
    await out('"records":{');
    for (const [i, entity] of entities.entries()) {
      await section(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(entity)}:[`, '\n]', (line) => eachPage(sql,
        'SELECT id, seq, hlc, deleted, field_hlc, data FROM records WHERE organization_id = $1 AND entity = $2 AND seq > $3 ORDER BY seq LIMIT $4',
        [org.id, entity as EntityName], (r) => toNumber(r.seq), 0,
        async (rows) => { for (const r of rows) await line(recordOf(r)); }));
    }
    await out('\n},\n');
    await section('"history":[', '\n],\n', (line) => eachPage(sql,
      'SELECT * FROM mutations WHERE organization_id = $1 AND mutation_id > $2 ORDER BY mutation_id LIMIT $3', params, (r) => r.mutation_id, '',
      async (rows) => { for (const r of rows) await line(historyOf(r)); }));
    await section('"audit":[', '\n]\n}\n', (line) => eachPage(sql,
      'SELECT * FROM audit_log WHERE organization_id = $1 AND id > $2 ORDER BY id LIMIT $3', params, (r) => toNumber(r.id), 0,
      async (rows) => { for (const r of rows) await line(auditOf(r)); }));
    return { organizationId: org.id, counts, changeSeq: header.sequence.changeSeq };
  });
}
