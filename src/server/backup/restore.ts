/**
 * Restores a backup into an empty server. First the whole file is read and checked without a
 * database write; only a file without a single issue goes on to the second pass, which inserts
 * every row in one transaction (taken under the first-run lock, and only while no organization
 * exists), so a restore is either complete or absent.
 *
 * Devices that synced with the old server hold cursors of its numbering, and possibly records the
 * backup never saw. The restore therefore renumbers the records (keeping their order) above the
 * backup's sequence plus CURSOR_GAP, and sets the organization's cursor floor there: any non-zero
 * cursor below it is answered 410 cursorExpired, and the device resyncs in full. Device tokens are
 * not in backups: the restored devices are revoked, so every device also signs in again.
 */
import type { EntityName } from '../../domain';
import type { SqlClient } from '../store/sql-client';
import { toNumber } from '../store/sql-rows';
import type { Store } from '../store/store';
import type { BackupAuditRow, BackupDevice, BackupHeader, BackupHistoryRow, BackupIssue, BackupRecord, BackupUser } from './format';
import { readBackup, type BackupSink } from './read-backup';

/**
 * How far above the backup's sequence the restored records start. The old server may have gone on
 * after the backup; it would need this many more changes for one of its cursors to reach the new range.
 */
export const CURSOR_GAP = 10_000_000_000;

/** Rows per INSERT statement. */
const BATCH = 500;

/** A source of the backup text that can be read more than once (a file path opened twice). */
export type BackupSource = () => AsyncIterable<string | Buffer> | Iterable<string | Buffer>;

export type RestoreResult =
  | { ok: true; organizationId: string; counts: { users: number; devices: number; records: number; history: number; audit: number }; cursorFloor: number }
  | { ok: false; reason: 'invalidBackup'; issues: BackupIssue[]; moreIssues: number }
  | { ok: false; reason: 'notEmpty' };

/** Thrown inside the transaction when the second pass finds what the first did not (the file changed). */
class ChangedDuringRestore extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'BackupChangedDuringRestore';
  }
}

function batcher<T>(flush: (rows: T[]) => Promise<void>): { add: (row: T) => Promise<void>; end: () => Promise<void> } {
  let rows: T[] = [];
  return {
    async add(row) {
      rows.push(row);
      if (rows.length >= BATCH) {
        const full = rows;
        rows = [];
        await flush(full);
      }
    },
    async end() {
      if (rows.length > 0) await flush(rows);
      rows = [];
    },
  };
}

/** The inserts of the second pass, in one transaction. */
export function restoreSink(sql: SqlClient, nowIso: string, state: { header: BackupHeader | null; cursorFloor: number }): BackupSink {
  const org = () => {
    if (!state.header) throw new ChangedDuringRestore('header');
    return state.header.organization.id;
  };
  const users = batcher<BackupUser>(async (rows) => {
    await sql.query(
      `INSERT INTO users (organization_id, id, login, display_name, password_hash, roles, unit_ids, failed_logins, locked_until, disabled, created_at)
       SELECT $1, u->>'id', u->>'login', u->>'displayName', u->>'passwordHash', u->'roles', u->'unitIds', (u->>'failedLogins')::integer,
              (u->>'lockedUntil')::timestamptz, (u->>'disabled')::boolean, (u->>'createdAt')::timestamptz
       FROM jsonb_array_elements($2::jsonb) AS t(u)`,
      [org(), JSON.stringify(rows)],
    );
  });
  // Devices come back revoked with an unusable token hash (never a SHA-256 hex, so no token matches it).
  const devices = batcher<BackupDevice>(async (rows) => {
    await sql.query(
      `INSERT INTO devices (organization_id, id, user_id, name, token_hash, created_at, last_seen_at, revoked_at)
       SELECT $1, d->>'id', d->>'userId', d->>'name', 'restored:' || (d->>'id'), (d->>'createdAt')::timestamptz,
              (d->>'lastSeenAt')::timestamptz, coalesce((d->>'revokedAt')::timestamptz, $3::timestamptz)
       FROM jsonb_array_elements($2::jsonb) AS t(d)`,
      [org(), JSON.stringify(rows), nowIso],
    );
  });
  const records = batcher<BackupRecord & { entity: EntityName }>(async (rows) => {
    await sql.query(
      `INSERT INTO records (organization_id, entity, id, data, field_hlc, hlc, deleted, seq)
       SELECT $1, r->>'entity', r->>'id', r->'data', r->'fieldHlc', r->>'hlc', (r->>'deleted')::boolean, (r->>'seq')::bigint
       FROM jsonb_array_elements($2::jsonb) AS t(r)`,
      [org(), JSON.stringify(rows)],
    );
  });
  const history = batcher<BackupHistoryRow>(async (rows) => {
    await sql.query(
      `INSERT INTO mutations (organization_id, mutation_id, seq, entity, record_id, user_id, device_id, hlc, patch, old_values, applied_fields, default_fields, received_at)
       SELECT $1, m->>'mutationId', (m->>'seq')::bigint, m->>'entity', m->>'recordId', m->>'userId', m->>'deviceId', m->>'hlc',
              m->'patch', m->'oldValues', m->'appliedFields', COALESCE(m->'defaultFields', '[]'::jsonb), (m->>'receivedAt')::timestamptz
       FROM jsonb_array_elements($2::jsonb) AS t(m)`,
      [org(), JSON.stringify(rows)],
    );
  });
  const audit = batcher<BackupAuditRow>(async (rows) => {
    await sql.query(
      `INSERT INTO audit_log (organization_id, id, at, user_id, device_id, action, entity, record_id, details) OVERRIDING SYSTEM VALUE
       SELECT $1, (a->>'id')::bigint, (a->>'at')::timestamptz, a->>'userId', a->>'deviceId', a->>'action', a->>'entity', a->>'recordId', a->'details'
       FROM jsonb_array_elements($2::jsonb) AS t(a)`,
      [org(), JSON.stringify(rows)],
    );
  });

  return {
    async header(header) {
      state.header = header;
      const current = await sql.query<Record<string, unknown>>('SELECT last_value FROM change_seq');
      const base = Math.max(header.sequence.changeSeq, toNumber(current[0]?.last_value ?? 0));
      state.cursorFloor = base + CURSOR_GAP + 1;
      await sql.query('INSERT INTO organizations (id, name, created_at, cursor_floor) VALUES ($1, $2, $3, $4)',
        [header.organization.id, header.organization.name, header.organization.createdAt, state.cursorFloor]);
    },
    async user(user) {
      await users.add(user);
    },
    async device(device) {
      await users.end();
      await devices.add(device);
    },
    async record(entity, record) {
      await users.end();
      await devices.end();
      await records.add({ ...record, entity });
    },
    history: (row) => history.add(row),
    audit: (row) => audit.add(row),
    async finish() {
      await users.end();
      await devices.end();
      await records.end();
      await history.end();
      await audit.end();
      // Renumber the records above the floor, in their old order; new changes follow the last one.
      await sql.query(
        `UPDATE records r SET seq = $2::bigint - 1 + o.n
         FROM (SELECT entity, id, row_number() OVER (ORDER BY seq) AS n FROM records WHERE organization_id = $1) o
         WHERE r.organization_id = $1 AND r.entity = o.entity AND r.id = o.id`,
        [org(), state.cursorFloor],
      );
      const last = await sql.query<Record<string, unknown>>('SELECT coalesce(max(seq), $2::bigint - 1) AS m FROM records WHERE organization_id = $1', [org(), state.cursorFloor]);
      await sql.query('SELECT setval(\'change_seq\', $1::bigint)', [toNumber(last[0]?.m)]);
      await sql.query("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), greatest((SELECT max(id) FROM audit_log), 1))");
    },
  };
}

/**
 * Restores the backup that `source` yields into the empty `store`. Nothing is written unless the
 * whole file checks out; the writes then happen in one transaction. A restore entry is audited.
 */
export async function restoreBackup(store: Store, source: BackupSource, opts: { nowMs: number }): Promise<RestoreResult> {
  if (await store.isInitialized()) return { ok: false, reason: 'notEmpty' };
  const knownMigrations = await store.appliedMigrations();
  const checked = await readBackup(source(), null, { knownMigrations });
  if (checked.issues.length > 0 || !checked.header) return { ok: false, reason: 'invalidBackup', issues: checked.issues, moreIssues: checked.moreIssues };
  const nowIso = new Date(opts.nowMs).toISOString();

  const done = await store.initializeRaw(async (sql) => {
    const state = { header: null as BackupHeader | null, cursorFloor: 0 };
    const second = await readBackup(source(), restoreSink(sql, nowIso, state), { knownMigrations });
    if (second.issues.length > 0 || !state.header) throw new ChangedDuringRestore('issues');
    const organizationId = state.header.organization.id;
    await sql.query(
      `INSERT INTO audit_log (organization_id, at, user_id, device_id, action, entity, record_id, details)
       VALUES ($1, $2, NULL, NULL, 'restore', NULL, NULL, $3::jsonb)`,
      [organizationId, nowIso, JSON.stringify({
        formatVersion: state.header.formatVersion, backupCreatedAt: state.header.createdAt, records: second.counts.records,
        history: second.counts.history, users: second.counts.users, cursorFloor: state.cursorFloor,
      })],
    );
    return { organizationId, counts: second.counts, cursorFloor: state.cursorFloor };
  });
  if (!done) return { ok: false, reason: 'notEmpty' };
  return { ok: true, ...done };
}
