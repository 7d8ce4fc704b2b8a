/**
 * One tap on the attendance day, written in one call: from the copy of the day held in memory by
 * the fast path (fast-write.ts) when that copy is still current, and otherwise by the general path
 * (write.ts), which reads the stored row and the person's notices inside its transaction. The
 * change is made by `build`, a pure rule of the domain (markChange, or a fixed change), from the
 * row and the notices; the caller gets back the row as it was before, for its undo. So a tap goes
 * down the layers once: the caller never reads memory itself and never builds the change twice.
 */
import type { AbsenceNotice, Change, EntityName } from '../../domain';
import type { AppDB } from './db';
import { readFromMemory, writeFast } from './fast-write';
import { writeComputed, type WriteContext } from './write';

type Row = Record<string, unknown>;

/** What one tap writes: which record, whose notices its change may depend on, and how to make the change. */
export interface Tap {
  entity: EntityName;
  id: string;
  participantId: string;
  /** True when `build` reads the person's notices (a day mark's "excused" takes the notice's reason). */
  readsNotices: boolean;
  build: (row: Row | null, notices: readonly AbsenceNotice[]) => Change;
}

/** What a tap stored: the change it made and the row before it (undefined: none). */
export interface TapWritten { change: Change; before: Row | undefined }

/**
 * Writes a tap with its outbox entry in one transaction; resolves once committed. Throws
 * RecordValidationError for an invalid record and StorageError when IndexedDB fails.
 */
export async function writeTap(db: AppDB, ctx: WriteContext, tap: Tap): Promise<TapWritten> {
  const known = readFromMemory(db, tap.entity, tap.id, tap.participantId);
  if (known) {
    const change = tap.build(known.row, known.notices);
    const saved = await writeFast(db, ctx, change, known.row);
    if (saved.ok) return { change, before: known.row ?? undefined };
  }
  const reads: EntityName[] = tap.readsNotices ? [tap.entity, 'absenceNotices'] : [tap.entity];
  const { result } = await writeComputed(db, ctx, reads, async () => {
    const [row, notices] = await Promise.all([
      db.table<Row, string>(tap.entity).get(tap.id),
      tap.readsNotices ? db.entity('absenceNotices').where('participantId').equals(tap.participantId).toArray() : Promise.resolve([]),
    ]);
    const change = tap.build(row ?? null, notices);
    return { changes: [change], result: { change, before: row } };
  });
  return result;
}
