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
 *
 * Erasures (GDPR art. 17) made after the backup must not come back with it: the restore applies
 * the erasure ledger of a newer server (a ledger file, erasure-ledger.ts) to the restored records,
 * and erases participants that an older server (format version 1) kept deleted with their fields.
 */
import { isErasedRecord, type EntityName, type ErasureEntry } from '../../domain';
import { eraseRecord } from '../sync/erase';
import type { RestoreTarget, Store } from '../store/store';
import type { BackupAuditRow, BackupDevice, BackupErasureRow, BackupHeader, BackupHistoryRow, BackupIssue, BackupRecord, BackupUser } from './format';
import type { ErasureLedger } from './erasure-ledger';
import { readBackup, type BackupSink } from './read-backup';

/**
 * How far above the backup's sequence the restored records start. The old server may have gone on
 * after the backup; it would need this many more changes for one of its cursors to reach the new range.
 */
export const CURSOR_GAP = 10_000_000_000;

/** Rows per insert. */
const BATCH = 500;

/** A source of the backup text that can be read more than once (a file path opened twice). */
export type BackupSource = () => AsyncIterable<string | Buffer> | Iterable<string | Buffer>;

export type RestoreResult =
  | { ok: true; organizationId: string; counts: { users: number; devices: number; records: number; history: number; audit: number; erasures: number }; cursorFloor: number; erased: number }
  | { ok: false; reason: 'invalidBackup'; issues: BackupIssue[]; moreIssues: number }
  | { ok: false; reason: 'notEmpty' }
  | { ok: false; reason: 'otherOrganization' };

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
export interface RestoreState {
  header: BackupHeader | null;
  cursorFloor: number;
  /** How many records the restore erased (a newer ledger, or deleted participants of version 1). */
  erased: number;
}

export function restoreSink(target: RestoreTarget, nowIso: string, state: RestoreState, ledger: readonly ErasureEntry[] = []): BackupSink {
  const org = () => {
    if (!state.header) throw new ChangedDuringRestore('header');
    return state.header.organization.id;
  };
  const users = batcher<BackupUser>((rows) => target.addUsers(org(), rows));
  // Devices come back revoked, with a token hash no token matches: every device signs in again.
  const devices = batcher<BackupDevice>((rows) => target.addDevices(org(), rows, nowIso));
  const records = batcher<BackupRecord & { entity: EntityName }>((rows) => target.addRecords(org(), rows));
  const history = batcher<BackupHistoryRow>((rows) => target.addHistory(org(), rows));
  const audit = batcher<BackupAuditRow>((rows) => target.addAudit(org(), rows));
  const inLedger = new Map<string, number>();
  /** Participants deleted but not erased (a backup of version 1): erased after the ledger. */
  const deletedPeople: string[] = [];

  return {
    async header(header) {
      state.header = header;
      const base = Math.max(header.sequence.changeSeq, await target.changeSeq());
      state.cursorFloor = base + CURSOR_GAP + 1;
      await target.createOrganization({ ...header.organization, cursorFloor: state.cursorFloor });
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
      if (entity === 'participants' && record.deleted && !isErasedRecord(entity, record.data)) deletedPeople.push(record.id);
    },
    history: (row) => history.add(row),
    audit: (row) => audit.add(row),
    async erasure(row: BackupErasureRow) {
      await history.end();
      await audit.end();
      inLedger.set(row.recordId, row.no);
      await target.records.addErasure(org(), row);
    },
    async finish() {
      await users.end();
      await devices.end();
      await records.end();
      await history.end();
      await audit.end();
      // The newer ledger's erasures, in their order and with their numbers (unless the backup
      // used a number for another record), then the deletions an older server did not erase.
      const taken = new Set(inLedger.values());
      for (const entry of [...ledger].sort((a, b) => a.no - b.no)) {
        if (inLedger.has(entry.recordId)) continue;
        const no = taken.has(entry.no) ? await target.records.nextErasureNo(org()) : entry.no;
        taken.add(no);
        inLedger.set(entry.recordId, no);
        const erased = await eraseRecord(target.records, org(), entry.entity, entry.recordId, { changedBy: null, nowMs: 0, no, erasedAt: entry.erasedAt });
        // A person added after the backup is not in it: the ledger keeps the entry all the same.
        if (erased) state.erased += 1;
        else await target.records.addErasure(org(), { ...entry, no });
      }
      for (const id of deletedPeople) {
        if (inLedger.has(id)) continue;
        if (await eraseRecord(target.records, org(), 'participants', id, { changedBy: null, nowMs: Date.parse(nowIso) })) state.erased += 1;
      }
      // Renumber the records above the floor, in their old order; new changes follow the last one.
      await target.renumber(org(), state.cursorFloor);
    },
  };
}

/**
 * Restores the backup that `source` yields into the empty `store`. Nothing is written unless the
 * whole file checks out; the writes then happen in one transaction. A restore entry is audited.
 */
export async function restoreBackup(store: Store, source: BackupSource, opts: { nowMs: number; ledger?: ErasureLedger }): Promise<RestoreResult> {
  if (await store.isInitialized()) return { ok: false, reason: 'notEmpty' };
  const knownMigrations = await store.appliedMigrations();
  const checked = await readBackup(source(), null, { knownMigrations });
  if (checked.issues.length > 0 || !checked.header) return { ok: false, reason: 'invalidBackup', issues: checked.issues, moreIssues: checked.moreIssues };
  if (opts.ledger && opts.ledger.organizationId !== checked.header.organization.id) return { ok: false, reason: 'otherOrganization' };
  const nowIso = new Date(opts.nowMs).toISOString();

  const done = await store.backup.restore(async (target) => {
    const state: RestoreState = { header: null, cursorFloor: 0, erased: 0 };
    const second = await readBackup(source(), restoreSink(target, nowIso, state, opts.ledger?.erasures), { knownMigrations });
    if (second.issues.length > 0 || !state.header) throw new ChangedDuringRestore('issues');
    const organizationId = state.header.organization.id;
    await target.audit(organizationId, {
      atMs: opts.nowMs, userId: null, deviceId: null, action: 'restore', entity: null, recordId: null,
      details: {
        formatVersion: state.header.formatVersion, backupCreatedAt: state.header.createdAt, records: second.counts.records,
        history: second.counts.history, users: second.counts.users, cursorFloor: state.cursorFloor, erased: state.erased,
      },
    });
    return { organizationId, counts: second.counts, cursorFloor: state.cursorFloor, erased: state.erased };
  });
  if (!done) return { ok: false, reason: 'notEmpty' };
  return { ok: true, ...done };
}
