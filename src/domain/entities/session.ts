/**
 * Session (zajęcia w danym dniu): one dated occurrence of an activity. Its id is derived from the
 * activity and the day, so two tablets writing the studio log of the same class write one record.
 * A session record exists only when something differs from the plan or a log was written.
 */
import * as v from 'valibot';
import { DaySchema, IdSchema, TextSchema, TimeSchema } from '../primitives';
import { syncMetaEntries } from './meta';

export const SESSION_STATUSES = ['planned', 'cancelled', 'moved'] as const;

export const SessionSchema = v.object({
  ...syncMetaEntries,
  activityId: IdSchema,
  unitId: IdSchema,
  /** The day of the planned occurrence (the key), even when the session was moved. */
  day: DaySchema,
  status: v.picklist(SESSION_STATUSES),
  /** Where a moved session actually happens. */
  movedTo: v.nullable(v.object({ day: DaySchema, startTime: TimeSchema, endTime: TimeSchema })),
  substituteStaffIds: v.nullable(v.array(IdSchema)),
  /** Studio log (dziennik zajęć pracowni): the topic and notes, written by the instructor. */
  topic: v.pipe(v.string(), v.maxLength(300)),
  notes: TextSchema,
});
export type Session = v.InferOutput<typeof SessionSchema>;

/** The deterministic id of the occurrence of `activityId` on `day`. */
export function sessionId(activityId: string, day: string): string {
  return `s:${activityId}:${day}`;
}
