/**
 * Attendance actions: a tap on a person, the absent/excused choice with a reason, arrival and
 * leave times, "mark all remaining present", session ticks, the studio log and absence notices.
 * Each resolves only after IndexedDB committed the record and its outbox entry. The last change
 * can be undone: before writing, the previous rows are kept and undo writes them back (the undo
 * is itself a change that syncs, so other devices follow). A single tap takes the fast path
 * (storage/fast-write.ts) when the day is held in memory, and the general path otherwise.
 */
import { signal } from '@preact/signals';
import { uuidv7 } from 'uuidv7';
import {
  dayMarkId, markFields, noticeCovers, sessionId, sessionMarkId, timeInTimeZone,
  type AbsenceNotice, type AbsenceReason, type DayMark, type EntityName, type MarkChoice, type Time,
} from '../../domain';
import { primeDay, readFromMemory } from '../storage/fast-write';
import { getRows } from '../storage/queries';
import type { Change } from '../storage/write';
import { saveChanges, saveComputed, saveFast } from './actions';
import { runtime } from './runtime';
import type { ActionResult } from './types';

/** What the undo button would undo: a message key and how many people it concerns. */
export interface UndoInfo { kind: 'mark' | 'markAll' | 'clear' | 'session' | 'notice'; count: number }

interface UndoEntry extends UndoInfo { restore: Change[] }

const lastChange = signal<UndoEntry | null>(null);

const SYNC_META = new Set(['id', 'organizationId', 'hlc', 'changedBy', 'deleted']);

/** The changes that put `rows` (as read before a change) back. */
function restoreChanges(entity: EntityName, ids: readonly string[], rows: readonly (Record<string, unknown> | undefined)[]): Change[] {
  return ids.map((id, i) => {
    const row = rows[i];
    if (!row || row.deleted === true) return { entity, id, delete: true } as Change;
    const patch = Object.fromEntries(Object.entries(row).filter(([k]) => !SYNC_META.has(k)));
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
    return { changes, result: restoreChanges(entity, ids, before) };
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
    const saved = await saveFast(build(known.row, known.notices), known.row);
    if (saved) {
      if (saved.ok) lastChange.value = { kind, count: 1, restore: restoreChanges(entity, [id], [known.row ?? undefined]) };
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

function markChange(unitId: string, day: string, participantId: string, choice: MarkChoice, row: Record<string, unknown> | null, notices: readonly AbsenceNotice[]): Change {
  const stored = row && row.deleted !== true ? (row as unknown as DayMark) : null;
  const notice = notices.find((n) => noticeCovers(n, day)) ?? null;
  return { entity: 'dayMarks', id: dayMarkId(participantId, day), patch: { participantId, unitId, day, ...markFields(stored, choice, notice) } };
}

async function noticesOf(participantId: string): Promise<AbsenceNotice[]> {
  return (await runtime.db.value?.entity('absenceNotices').where('participantId').equals(participantId).toArray()) ?? [];
}

/** The wall-clock time on this device now ('HH:mm'), for the "now" buttons. */
export function currentTime(): Time {
  return timeInTimeZone(runtime.config.nowMs(), runtime.config.timeZone);
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

/** Marks present everyone of `participantIds` who has no mark yet (one transaction, one undo). */
export async function markRemainingPresent(unitId: string, day: string, participantIds: readonly string[]): Promise<ActionResult> {
  const db = runtime.db.value;
  if (!db) return { ok: false, error: { code: 'storageUnavailable' } };
  const rows = await getRows(db, 'dayMarks', participantIds.map((p) => dayMarkId(p, day)));
  const todo = participantIds.filter((_, i) => !rows[i] || rows[i]?.deleted === true);
  if (todo.length === 0) return { ok: true };
  return saveWithUndo('markAll', 'dayMarks', todo.map((p) => dayMarkId(p, day)), () => Promise.resolve(todo.map((participantId): Change => ({
    entity: 'dayMarks', id: dayMarkId(participantId, day), patch: { participantId, unitId, day, ...markFields(null, { status: 'present' }) },
  }))));
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
  const result = await saveChanges(entry.restore);
  if (result.ok) lastChange.value = null;
  return result;
}

/** Forgets the undo entry (when the screen changes day or unit). */
export function forgetLastChange(): void {
  lastChange.value = null;
}
