/**
 * Attendance actions: a tap on a person, the absent/excused choice with a reason, arrival and
 * leave times, "mark all remaining present", session ticks, the studio log and absence notices.
 * Each resolves only after IndexedDB committed the record and its outbox entry. The last change
 * can be undone: before writing, the previous rows are kept and undo writes back the fields the
 * change set (the undo is itself a change that syncs, so other devices follow). "Mark the rest
 * present" and a tap on someone this tablet sees unmarked send what the therapist did not choose
 * as create-only defaults, and the fill-in's undo is a delete of defaults: neither overwrites nor
 * erases a mark another tablet made and this one has not pulled yet (those changes are made by the
 * domain's rules/mark-changes.ts). A single tap is one call to storage (storage/tap.ts), which
 * takes the fast path when the day is held in memory and the general path otherwise.
 */
import { signal } from '@preact/signals';
import { uuidv7 } from 'uuidv7';
import {
  dayMarkId, fillInUndo, markChange, remainingPresentChanges, restoreChanges, sessionId, sessionMarkId, undoFillChanges,
  type AbsenceNotice, type AbsenceReason, type Change, type EntityName, type Filled, type MarkChoice,
} from '../../../domain';
import { primeDay } from '../../storage/fast-write';
import { getRows } from '../../storage/queries';
import { saveChanges, saveComputed, saveTap } from '../actions';
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

const lastChange = signal<UndoEntry | null>(null);

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
 * One tap on one record, written by storage in one call (from memory or from disk), with its
 * undo. `build` makes the change from the stored row and the person's notices.
 */
async function tap(
  kind: UndoInfo['kind'], entity: EntityName, id: string, participantId: string,
  build: (row: Record<string, unknown> | null, notices: readonly AbsenceNotice[]) => Change, readsNotices = false,
): Promise<ActionResult> {
  const saved = await saveTap({ entity, id, participantId, readsNotices, build });
  if (!saved.ok) return saved;
  lastChange.value = { kind, count: 1, restore: restoreChanges(entity, [id], [saved.result.before], [saved.result.change]) };
  return { ok: true };
}

/** Keeps the unit's attendance day in memory so that taps take the fast path (the screen calls it). */
export function keepDayInMemory(unitId: string, day: string): void {
  const db = runtime.db.value;
  if (db) void primeDay(db, unitId, day);
}

/**
 * Marks one person on a day (present, absent with a reason, excused; times; note). One
 * transaction reads the stored mark and the day's notice and writes the mark with its outbox
 * entry: the promise resolves when the tick is on disk.
 */
export async function markDay(unitId: string, day: string, participantId: string, choice: MarkChoice): Promise<ActionResult> {
  const build = (row: Record<string, unknown> | null, notices: readonly AbsenceNotice[]) => markChange(unitId, day, participantId, choice, row, notices);
  return tap('mark', 'dayMarks', dayMarkId(participantId, day), participantId, build, true);
}

/** Removes a person's mark of a day (back to "not marked"). */
export async function clearDayMark(day: string, participantId: string): Promise<ActionResult> {
  const id = dayMarkId(participantId, day);
  const change: Change = { entity: 'dayMarks', id, delete: true };
  return tap('clear', 'dayMarks', id, participantId, () => change);
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
    return { changes, result: { ...fillInUndo(changes), count: changes.length } };
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
  return tap('session', 'sessionMarks', id, participantId, () => change);
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
