/**
 * The weekly planner's writes, all through the single write path (`saveChanges`): activities
 * (a weekly class or a one-off trip) and the exceptions of single occurrences, which are session
 * records keyed by activity and planned day (cancel this one, move it, a substitute instructor).
 * An exception keeps the session's studio log (topic, notes) and touches no other occurrence.
 * Copying a week and starting a new term write all their records in one transaction.
 */
import { uuidv7 } from 'uuidv7';
import {
  mayWrite, sessionId,
  type Activity, type ActivityFields, type Day, type Session, type Time,
} from '../../../domain';
import { copyWeekOneOffs, newTermFromTemplate } from '../../../domain/rules/plan';
import type { Change } from '../../storage/write';
import { saveChanges } from '../actions';
import { runtime } from '../runtime';
import type { ActionResult } from '../types';

export type { ActivityFields } from '../../../domain';

/**
 * True when these roles may edit the plan (coordinators and administrators; therapists view it):
 * whoever the shared write policy lets write activities (the server enforces it, and the units).
 */
export function canEditPlan(roles: readonly string[]): boolean {
  return mayWrite(roles, 'activities');
}

/** Creates an activity (id null) or writes the changed fields of one; resolves with its id. */
export async function saveActivity(id: string | null, fields: ActivityFields): Promise<ActionResult & { id?: string }> {
  const recordId = id ?? uuidv7();
  const result = await saveChanges([{ entity: 'activities', id: recordId, patch: fields }]);
  return result.ok ? { ok: true, id: recordId } : result;
}

/** Deletes an activity with all its occurrences (a tombstone; the history keeps it). */
export function deleteActivity(id: string): Promise<ActionResult> {
  return saveChanges([{ entity: 'activities', id, delete: true }]);
}

type OccurrencePatch = Partial<Pick<Session, 'status' | 'movedTo' | 'substituteStaffIds'>>;

/**
 * Writes the exception of one occurrence, creating its session record when there is none. The
 * fields the edit does not set are then only create-only defaults (`ifAbsent`): the empty studio
 * log must not wipe a log a therapist wrote meanwhile, nor a substitute's default `planned` undo
 * a cancellation made on another device.
 */
async function setOccurrence(activity: Pick<Activity, 'id' | 'unitId'>, plannedDay: Day, patch: OccurrencePatch): Promise<ActionResult> {
  const db = runtime.db.value;
  const id = sessionId(activity.id, plannedDay);
  const existing = db ? await db.entity('sessions').get(id) : undefined;
  const base = existing && !existing.deleted ? {} : {
    activityId: activity.id, unitId: activity.unitId, day: plannedDay, status: 'planned' as const, movedTo: null, substituteStaffIds: null, topic: '', notes: '',
  };
  const ifAbsent = (Object.keys(base) as (keyof typeof base)[]).filter((f) => !(f in patch));
  return saveChanges([{ entity: 'sessions', id, patch: { ...base, ...patch }, ifAbsent }]);
}

/** Cancels one occurrence (the rest of the series stays). */
export function cancelOccurrence(activity: Pick<Activity, 'id' | 'unitId'>, plannedDay: Day): Promise<ActionResult> {
  return setOccurrence(activity, plannedDay, { status: 'cancelled', movedTo: null });
}

/** Puts a cancelled or moved occurrence back on its planned day and times. */
export function restoreOccurrence(activity: Pick<Activity, 'id' | 'unitId'>, plannedDay: Day): Promise<ActionResult> {
  return setOccurrence(activity, plannedDay, { status: 'planned', movedTo: null });
}

/** Moves one occurrence to another day or time (a one-day change of the series). */
export function moveOccurrence(
  activity: Pick<Activity, 'id' | 'unitId'>, plannedDay: Day, to: { day: Day; startTime: Time; endTime: Time },
): Promise<ActionResult> {
  return setOccurrence(activity, plannedDay, { status: 'moved', movedTo: { day: to.day, startTime: to.startTime, endTime: to.endTime } });
}

/** Sets who runs one occurrence instead of the activity's staff (null: back to the planned staff). */
export function substituteOccurrence(activity: Pick<Activity, 'id' | 'unitId'>, plannedDay: Day, staffIds: readonly string[] | null): Promise<ActionResult> {
  return setOccurrence(activity, plannedDay, { substituteStaffIds: staffIds === null ? null : [...staffIds] });
}

/** Copies the one-off activities of one week to another; resolves with how many were copied. */
export async function copyWeek(activities: readonly Activity[], unitId: string, fromWeek: Day, toWeek: Day): Promise<ActionResult & { count?: number }> {
  const copies = copyWeekOneOffs(activities, unitId, fromWeek, toWeek);
  if (copies.length === 0) return { ok: true, count: 0 };
  const result = await saveChanges(copies.map((fields): Change => ({ entity: 'activities', id: uuidv7(), patch: fields })));
  return result.ok ? { ok: true, count: copies.length } : result;
}

/**
 * Starts a new term from `fromDay` (to `toDay`, or open-ended) with the classes valid on
 * `templateDay`: the old ones end the day before, copies start on `fromDay`. One transaction.
 */
export async function startNewTerm(
  activities: readonly Activity[], unitId: string, templateDay: Day, fromDay: Day, toDay: Day | null,
): Promise<ActionResult & { count?: number }> {
  const term = newTermFromTemplate(activities, unitId, templateDay, fromDay, toDay);
  if (term.created.length === 0) return { ok: true, count: 0 };
  const changes: Change[] = [
    ...term.ended.map((e): Change => ({ entity: 'activities', id: e.id, patch: { validTo: e.validTo } })),
    ...term.created.map((fields): Change => ({ entity: 'activities', id: uuidv7(), patch: fields })),
  ];
  const result = await saveChanges(changes);
  return result.ok ? { ok: true, count: term.created.length } : result;
}
