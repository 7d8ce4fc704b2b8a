/**
 * Attendance actions: a tap on a person, the absent/excused choice with a reason, arrival and
 * leave times, "mark all remaining present", session ticks, the studio log and absence notices.
 * Each resolves only after IndexedDB committed the record and its outbox entry. The last change
 * can be undone: before writing, the previous rows are kept and undo writes back the fields the
 * change set (the undo is itself a change that syncs, so other devices follow). "Mark the rest
 * present" and a tap on someone this tablet sees unmarked send what the therapist did not choose
 * as create-only defaults, and the fill-in's undo is a delete of defaults: neither overwrites nor
 * erases a mark another tablet made and this one has not pulled yet. A single tap takes the fast path
 * (storage/fast-write.ts) when the day is held in memory, and the general path otherwise.
 */
import { signal } from '@preact/signals';
import { uuidv7 } from 'uuidv7';
import {
  dayMarkId, markFields, noticeCovers, sessionId, sessionMarkId,
  type AbsenceNotice, type AbsenceReason, type DayMark, type EntityName, type MarkChoice,
} from '../../../domain';
import { primeDay, readFromMemory } from '../../storage/fast-write';
import { getRows } from '../../storage/queries';
import type { Change } from '../../storage/write';
import { saveChanges, saveComputed, saveFast } from '../actions';
import { currentTime } from '../data-hooks';
import { runtime } from '../runtime';
import type { ActionResult } from '../types';

/** What the undo button would undo: a message key and how many people it concerns. */
export interface UndoInfo { kind: 'mark' | 'markAll' | 'clear' | 'session' | 'notice'; count: number }

/**
 * How to undo: `restore` writes back what the change replaced; `filled` (a bulk fill-in's new
 * records, made of defaults) names the records and the values it gave them, undone only where
 * they still hold them.
 */
type UndoEntry = UndoInfo & { restore: Change[]; filled?: Filled[] };

/** A record "mark the rest present" filled in, with the values it set. */
interface Filled { id: string; values: Record<string, unknown> }

const lastChange = signal<UndoEntry | null>(null);

const SYNC_META = new Set(['id', 'organizationId', 'hlc', 'changedBy', 'deleted']);

/**
 * The changes that put `rows` (as read before `changes`) back. Only the fields a change set go
 * back: a field it did not touch may have been changed by someone else since (a note typed on
 * another tablet) and stays as it is.
 */
function restoreChanges(entity: EntityName, ids: readonly string[], rows: readonly (Record<string, unknown> | undefined)[], changes: readonly Change[] = []): Change[] {
  return ids.map((id, i) => {
    const row = rows[i];
    if (!row || row.deleted === true) return { entity, id, delete: true } as Change;
    const change = changes.find((c) => c.id === id);
    const set = change && 'patch' in change ? (change.patch as Record<string, unknown>) : null;
    const touched = (k: string) => !set || (k in set && JSON.stringify(set[k]) !== JSON.stringify(row[k]));
    const patch = Object.fromEntries(Object.entries(row).filter(([k]) => !SYNC_META.has(k) && touched(k)));
    return { entity, id, patch } as Change;
  });
}

/**
 * Saves the changes `build` computes, of `entity` records `ids`, in one transaction that also
 * reads the previous rows for undo. `reads` lists other tables `build` reads.
 */
async function saveWithUndo(
  kind: UndoInfo['kind'], entity: EntityName, ids: readonly string[], build: () => Promise<Change[]>, reads: readonly EntityName[] = [], count = ids.length,
): Promise<ActionResult> {
  const db = runtime.db.value;
  if (!db) return { ok: false, error: { code: 'storageUnavailable' } };
  const saved = await saveComputed([entity, ...reads], async () => {
    const [before, changes] = await Promise.all([db.table<Record<string, unknown>, string>(entity).bulkGet([...ids]), build()]);
    return { changes, result: restoreChanges(entity, ids, before, changes) };
  });
  if (!saved.ok) return saved;
  lastChange.value = { kind, count, restore: saved.result };
  return { ok: true };
}

/**
 * One tap on one record: merged with the row and notices this tab holds in memory and saved by the
 * fast path when they are still current, by `general` (which reads everything in its transaction)
 * otherwise. `build` makes the change from the stored row and the person's notices.
 */
async function saveTap(
  kind: UndoInfo['kind'], entity: EntityName, id: string, participantId: string,
  build: (row: Record<string, unknown> | null, notices: readonly AbsenceNotice[]) => Change, general: () => Promise<ActionResult>,
): Promise<ActionResult> {
  const db = runtime.db.value;
  const known = db ? readFromMemory(db, entity, id, participantId) : undefined;
  if (known) {
    const change = build(known.row, known.notices);
    const saved = await saveFast(change, known.row);
    if (saved) {
      if (saved.ok) lastChange.value = { kind, count: 1, restore: restoreChanges(entity, [id], [known.row ?? undefined], [change]) };
      return saved;
    }
  }
  return general();
}

/** Keeps the unit's attendance day in memory so that taps take the fast path (the screen calls it). */
export function keepDayInMemory(unitId: string, day: string): void {
  const db = runtime.db.value;
  if (db) void primeDay(db, unitId, day);
}

/**
 * The day mark change of one tap. On a mark this device holds (or held and cleared), only what
 * the tap changes is sent (the write path diffs against the stored row). On a person this device
 * has never seen marked, the fields the tap does not choose (an empty note, no times, a reason
 * nobody picked) are only create-only defaults: a note or an arrival time typed on another tablet
 * stays.
 */
export function markChange(unitId: string, day: string, participantId: string, choice: MarkChoice, row: Record<string, unknown> | null, notices: readonly AbsenceNotice[]): Change {
  const stored = row && row.deleted !== true ? (row as unknown as DayMark) : null;
  const notice = notices.find((n) => noticeCovers(n, day)) ?? null;
  const patch = { participantId, unitId, day, ...markFields(stored, choice, notice) };
  const id = dayMarkId(participantId, day);
  if (row) return { entity: 'dayMarks', id, patch };
  const ifAbsent: (keyof typeof patch)[] = ['participantId', 'unitId', 'day'];
  if (choice.note === undefined) ifAbsent.push('note');
  if (choice.arrivalTime === undefined) ifAbsent.push('arrivalTime');
  if (choice.leaveTime === undefined) ifAbsent.push('leaveTime');
  // "Present" has no reason (the schema requires it), so that null goes with the status.
  if (choice.status !== 'present' && (choice.absenceReason === undefined || choice.absenceReason === null)) ifAbsent.push('absenceReason');
  return { entity: 'dayMarks', id, patch, ifAbsent };
}

/**
 * The changes of "mark the rest present" for the people of `participantIds` whose marks (`rows`,
 * in the same order) this device sees as missing or cleared. A mark this device never saw is
 * written as create-only defaults: where any device set a mark, that mark stays, whichever
 * reaches the server first. A mark cleared here is brought back with real values (the server
 * keeps a deleted record's values, and defaults never replace them).
 */
export function remainingPresentChanges(unitId: string, day: string, participantIds: readonly string[], rows: readonly (Record<string, unknown> | undefined)[]): Change[] {
  return participantIds.flatMap((participantId, i): Change[] => {
    const row = rows[i];
    if (row && row.deleted !== true) return [];
    const patch = { participantId, unitId, day, ...markFields(null, { status: 'present' }) };
    const id = dayMarkId(participantId, day);
    return [row ? { entity: 'dayMarks', id, patch } : { entity: 'dayMarks', id, patch, ifAbsent: Object.keys(patch) as (keyof typeof patch)[] }];
  });
}

/**
 * The undo of a bulk fill-in: a delete of each record that still holds exactly the values the
 * fill-in gave it (`rows` as stored now, in the order of `filled`), and only as a delete of
 * defaults, which the server applies only while nobody has written a real value. A mark made
 * meanwhile, here or on another tablet, is never erased.
 */
export function undoFillChanges(filled: readonly Filled[], rows: readonly (Record<string, unknown> | undefined)[]): Change[] {
  return filled.flatMap(({ id, values }, i): Change[] => {
    const row = rows[i];
    if (!row || row.deleted === true) return [];
    const same = Object.entries(values).every(([field, value]) => JSON.stringify(row[field]) === JSON.stringify(value));
    return same ? [{ entity: 'dayMarks', id, delete: true, onlyDefaults: values }] : [];
  });
}

async function noticesOf(participantId: string): Promise<AbsenceNotice[]> {
  return (await runtime.db.value?.entity('absenceNotices').where('participantId').equals(participantId).toArray()) ?? [];
}

/**
 * Marks one person on a day (present, absent with a reason, excused; times; note). One
 * transaction reads the stored mark and the day's notice and writes the mark with its outbox
 * entry: the promise resolves when the tick is on disk.
 */
export async function markDay(unitId: string, day: string, participantId: string, choice: MarkChoice): Promise<ActionResult> {
  const id = dayMarkId(participantId, day);
  const build = (row: Record<string, unknown> | null, notices: readonly AbsenceNotice[]) => markChange(unitId, day, participantId, choice, row, notices);
  return saveTap('mark', 'dayMarks', id, participantId, build, () => saveWithUndo('mark', 'dayMarks', [id], async () => {
    const [row, notices] = await Promise.all([runtime.db.value?.entity('dayMarks').get(id), noticesOf(participantId)]);
    return [build((row as unknown as Record<string, unknown> | undefined) ?? null, notices)];
  }, ['absenceNotices']));
}

/** Removes a person's mark of a day (back to "not marked"). */
export async function clearDayMark(day: string, participantId: string): Promise<ActionResult> {
  const id = dayMarkId(participantId, day);
  const change: Change = { entity: 'dayMarks', id, delete: true };
  return saveTap('clear', 'dayMarks', id, participantId, () => change, () => saveWithUndo('clear', 'dayMarks', [id], () => Promise.resolve([change])));
}

/**
 * Marks present everyone of `participantIds` who has no mark yet (one transaction, one undo),
 * as create-only defaults (see remainingPresentChanges): a mark another tablet made and this one
 * has not pulled yet wins. The undo removes only what this fill-in set and nobody changed since.
 */
export async function markRemainingPresent(unitId: string, day: string, participantIds: readonly string[]): Promise<ActionResult> {
  const db = runtime.db.value;
  if (!db) return { ok: false, error: { code: 'storageUnavailable' } };
  const saved = await saveComputed(['dayMarks'], async () => {
    const rows = await getRows(db, 'dayMarks', participantIds.map((p) => dayMarkId(p, day)));
    const changes = remainingPresentChanges(unitId, day, participantIds, rows);
    // New records are undone as a delete of defaults; cleared ones brought back are cleared again.
    const filled = changes.flatMap((c) => ('ifAbsent' in c && c.ifAbsent ? [{ id: c.id, values: c.patch as Record<string, unknown> }] : []));
    const revived = changes.filter((c) => !('ifAbsent' in c && c.ifAbsent)).map((c): Change => ({ entity: 'dayMarks', id: c.id, delete: true }));
    return { changes, result: { filled, revived, count: changes.length } };
  });
  if (!saved.ok) return saved;
  const { filled, revived, count } = saved.result;
  if (count > 0) lastChange.value = { kind: 'markAll', count, restore: revived, filled };
  return { ok: true };
}

/** Ticks (or unticks) a person at one session of the day. */
export async function markSession(unitId: string, day: string, activityId: string, participantId: string, present: boolean): Promise<ActionResult> {
  const sid = sessionId(activityId, day);
  const id = sessionMarkId(sid, participantId);
  const change: Change = { entity: 'sessionMarks', id, patch: { sessionId: sid, activityId, participantId, unitId, day, present } };
  return saveTap('session', 'sessionMarks', id, participantId, () => change, () => saveWithUndo('session', 'sessionMarks', [id], () => Promise.resolve([change])));
}

/** The fields of a session record the studio log fills in only to create it. */
const LOG_DEFAULTS = ['activityId', 'unitId', 'day', 'status', 'movedTo', 'substituteStaffIds'] as const;

/**
 * Writes the studio log (topic and notes) of one session of the day. Without a session record on
 * this device it creates one as planned, but only as create-only defaults (`ifAbsent`): a
 * cancellation or a move someone else made meanwhile stays (and a therapist may set nothing else).
 */
export async function saveStudioLog(unitId: string, day: string, activityId: string, log: { topic: string; notes: string }): Promise<ActionResult> {
  const db = runtime.db.value;
  const id = sessionId(activityId, day);
  const existing = db ? await db.entity('sessions').get(id) : undefined;
  const base = existing && !existing.deleted ? {} : { activityId, unitId, day, status: 'planned' as const, movedTo: null, substituteStaffIds: null };
  return saveChanges([{ entity: 'sessions', id, patch: { ...base, topic: log.topic.trim(), notes: log.notes }, ifAbsent: LOG_DEFAULTS }]);
}

/** The fields of an absence notice the form edits. */
export interface NoticeInput {
  id?: string;
  participantId: string;
  unitId: string;
  fromDay: string;
  toDay: string;
  reason: AbsenceReason;
  note: string;
  reportedBy: string;
}

/** Saves a new or edited absence notice ("will not come from Tuesday to Friday, hospital"). */
export async function saveAbsenceNotice(input: NoticeInput): Promise<ActionResult> {
  const id = input.id ?? uuidv7();
  const { id: _omit, ...fields } = input;
  // When the notice came in is set once, at creation: an edit (extending it) must not make the
  // days already notified look late for the meal fees.
  const reported = input.id ? {} : { reportedOn: runtime.today.value, reportedAt: currentTime() };
  return saveWithUndo('notice', 'absenceNotices', [id], () => Promise.resolve([{ entity: 'absenceNotices', id, patch: { ...fields, note: fields.note.trim(), reportedBy: fields.reportedBy.trim(), ...reported } }]), [], 1);
}

export async function deleteAbsenceNotice(id: string): Promise<ActionResult> {
  return saveWithUndo('notice', 'absenceNotices', [id], () => Promise.resolve([{ entity: 'absenceNotices', id, delete: true }]), [], 1);
}

/** The last undoable change, or null. */
export function useLastChange(): UndoInfo | null {
  const entry = lastChange.value;
  return entry ? { kind: entry.kind, count: entry.count } : null;
}

/** Undoes the last change (once). */
export async function undoLastChange(): Promise<ActionResult> {
  const entry = lastChange.value;
  if (!entry) return { ok: true };
  const db = runtime.db.value;
  if (entry.filled && !db) return { ok: false, error: { code: 'storageUnavailable' } };
  const filled = entry.filled;
  const result = !filled ? await saveChanges(entry.restore) : await saveComputed(['dayMarks'], async () => {
    const rows = await getRows(db!, 'dayMarks', filled.map((f) => f.id));
    return { changes: [...entry.restore, ...undoFillChanges(filled, rows)], result: null };
  });
  if (result.ok) lastChange.value = null;
  return result.ok ? { ok: true } : result;
}

/** Forgets the undo entry (when the screen changes day or unit). */
export function forgetLastChange(): void {
  lastChange.value = null;
}
