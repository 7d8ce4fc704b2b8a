/**
 * Writes the backup of one organization: in one read-only snapshot transaction, the header, then
 * every table page by page (the store's snapshot pages), each element on its own line, straight to the
 * output. Memory holds one page, never the whole backup. Device tokens are never exported: the
 * devices go out without them and a restored server has them sign in again.
 */
import { ENTITY_NAMES } from '../../domain';
import { PROTOCOL_VERSION } from '../../protocol';
import { SERVER_VERSION } from '../routes/health-routes';
import type { BackupSnapshot, SnapshotOrganization, Store } from '../store/store';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupCounts, type BackupHeader } from './format';

/** Where the text goes; resolves when the output can take more (backpressure). */
export type TextSink = (text: string) => Promise<void>;

export interface BackupSummary { organizationId: string; counts: BackupCounts; changeSeq: number }

/** The only organization, or `wanted`; throws with a code when that is ambiguous. */
export async function pickOrganization(snapshot: BackupSnapshot, wanted?: string): Promise<SnapshotOrganization> {
  const rows = await snapshot.organizations();
  const pick = wanted === undefined ? (rows.length === 1 ? rows[0] : undefined) : rows.find((r) => r.id === wanted);
  if (!pick) throw new Error(rows.length === 0 ? 'noOrganization' : wanted === undefined ? 'severalOrganizations' : 'unknownOrganization');
  return pick;
}

/** The entities present, registry order first (a record of an unknown kind still goes out: the restore names it). */
function orderEntities(present: string[]): string[] {
  const known = ENTITY_NAMES.filter((e) => present.includes(e));
  return [...known, ...present.filter((e) => !(ENTITY_NAMES as string[]).includes(e)).sort()];
}

/** Writes the backup of the organization (the only one, or `organizationId`) to `out`. */
export async function writeBackup(store: Store, out: TextSink, opts: { nowMs: number; organizationId?: string }): Promise<BackupSummary> {
  const migrations = await store.appliedMigrations();
  return store.backup.snapshot(async (snapshot) => {
    const org = await pickOrganization(snapshot, opts.organizationId);
    const stored = await snapshot.counts(org.id);
    const entities = orderEntities(Object.keys(stored.records));
    const counts: BackupCounts = { ...stored, records: Object.fromEntries(entities.map((e) => [e, stored.records[e] ?? 0])) };
    const header: BackupHeader = {
      format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt: new Date(opts.nowMs).toISOString(),
      server: { version: SERVER_VERSION, protocolVersion: PROTOCOL_VERSION, database: store.kind, migrations },
      organization: { id: org.id, name: org.name, createdAt: org.createdAt },
      sequence: { changeSeq: await snapshot.changeSeq() },
      counts,
    };
    const members = Object.entries(header).map(([k, value]) => `${JSON.stringify(k)}:${JSON.stringify(value)}`);
    await out(`{${members.join(',\n')},\n`);

    /** Writes `open`, then each row of `pages` on its own line, then `close`. */
    const section = async (open: string, close: string, pages: AsyncIterable<unknown[]>) => {
      await out(open);
      let first = true;
      for await (const rows of pages) {
        for (const row of rows) {
          await out(`${first ? '\n' : ',\n'}${JSON.stringify(row)}`);
          first = false;
        }
      }
      await out(close);
    };

    await section('"users":[', '\n],\n', snapshot.users(org.id));
    await section('"devices":[', '\n],\n', snapshot.devices(org.id));
    await out('"records":{');
    for (const [i, entity] of entities.entries()) {
      await section(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(entity)}:[`, '\n]', snapshot.records(org.id, entity));
    }
    await out('\n},\n');
    await section('"history":[', '\n],\n', snapshot.history(org.id));
    await section('"audit":[', '\n],\n', snapshot.audit(org.id));
    await section('"erasures":[', '\n]\n}\n', snapshot.erasures(org.id));
    return { organizationId: org.id, counts, changeSeq: header.sequence.changeSeq };
  });
}
