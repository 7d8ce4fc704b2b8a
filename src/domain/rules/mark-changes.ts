/**
 * The changes attendance marking sends, and which of their fields are only create-only defaults
 * (the merge rules are in ../sync). A tap on someone this tablet sees unmarked and "mark the rest
 * present" send what the therapist did not choose as defaults, and the fill-in's undo is a delete
 * of defaults: neither overwrites nor erases a mark another tablet made and this one has not
 * pulled yet. Pure: the caller passes the stored rows and notices.
 */
import type { AbsenceNotice } from '../entities/absence-notice';
import { dayMarkId, type DayMark } from '../entities/attendance';
import type { Change } from '../sync/local';
import { holdsValues } from '../sync/stamps';
import { noticeCovers } from './expected';
import { markFields, type MarkChoice } from './marking';

type Row = Record<string, unknown>;

/** A record "mark the rest present" filled in, with the values it set. */
export interface Filled { id: string; values: Record<string, unknown> }

/**
 * The day mark change of one tap. On a mark this device holds (or held and cleared), only what
 * the tap changes is sent (the write path diffs against the stored row). On a person this device
 * has never seen marked, the fields the tap does not choose (an empty note, no times, a reason
 * nobody picked) are only create-only defaults: a note or an arrival time typed on another tablet
 * stays.
 */
export function markChange(unitId: string, day: string, participantId: string, choice: MarkChoice, row: Row | null, notices: readonly AbsenceNotice[]): Change {
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
export function remainingPresentChanges(unitId: string, day: string, participantIds: readonly string[], rows: readonly (Row | undefined)[]): Change[] {
  return participantIds.flatMap((participantId, i): Change[] => {
    const row = rows[i];
    if (row && row.deleted !== true) return [];
    const patch = { participantId, unitId, day, ...markFields(null, { status: 'present' }) };
    const id = dayMarkId(participantId, day);
    return [row ? { entity: 'dayMarks', id, patch } : { entity: 'dayMarks', id, patch, ifAbsent: Object.keys(patch) as (keyof typeof patch)[] }];
  });
}

/**
 * How to undo the changes of "mark the rest present": the new records (made of defaults) are
 * `filled`, undone by undoFillChanges; cleared ones it brought back with real values are cleared
 * again (`revived`).
 */
export function fillInUndo(changes: readonly Change[]): { filled: Filled[]; revived: Change[] } {
  const filled: Filled[] = [];
  const revived: Change[] = [];
  for (const c of changes) {
    if ('ifAbsent' in c && c.ifAbsent) filled.push({ id: c.id, values: c.patch as Row });
    else revived.push({ entity: c.entity, id: c.id, delete: true } as Change);
  }
  return { filled, revived };
}

/**
 * The undo of a bulk fill-in: a delete of each record that still holds exactly the values the
 * fill-in gave it (`rows` as stored now, in the order of `filled`), and only as a delete of
 * defaults, which the server applies only while nobody has written a real value. A mark made
 * meanwhile, here or on another tablet, is never erased.
 */
export function undoFillChanges(filled: readonly Filled[], rows: readonly (Row | undefined)[]): Change[] {
  return filled.flatMap(({ id, values }, i): Change[] => {
    const row = rows[i];
    if (!row) return [];
    return holdsValues(row, values) ? [{ entity: 'dayMarks', id, delete: true, onlyDefaults: values }] : [];
  });
}
