/**
 * Attendance marks (obecność). A day mark says whether a person came on a day; a session mark
 * whether they took part in one session. Both ids are deterministic, so two tablets ticking the
 * same person on the same day write the same record instead of a duplicate.
 */
import * as v from 'valibot';
import { HlcSchema } from '../hlc';
import { DaySchema, IdSchema, TimeSchema } from '../primitives';
import { syncMetaEntries } from './meta';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ABSENCE_REASONS = ['illness', 'hospital', 'vacation', 'family', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export const DayMarkSchema = v.pipe(
  v.object({
    ...syncMetaEntries,
    participantId: IdSchema,
    unitId: IdSchema,
    day: DaySchema,
    status: v.picklist(ATTENDANCE_STATUSES),
    absenceReason: v.nullable(v.picklist(ABSENCE_REASONS)),
    arrivalTime: v.nullable(TimeSchema),
    leaveTime: v.nullable(TimeSchema),
    note: v.pipe(v.string(), v.maxLength(500)),
    /**
     * Issue 13: the stamp of the driver's mark this day mark was kept against (someone decided
     * "keep the mark" although the driver said otherwise). A later driver's mark has another
     * stamp and raises the question again. Optional: older records and devices stay valid.
     */
    keptAgainst: v.optional(v.nullable(HlcSchema)),
  }),
  v.check((m) => m.status !== 'present' || m.absenceReason === null, 'reasonOnPresent'),
  v.check((m) => m.arrivalTime === null || m.leaveTime === null || m.arrivalTime <= m.leaveTime, 'leaveBeforeArrival'),
);
export type DayMark = v.InferOutput<typeof DayMarkSchema>;

export const SessionMarkSchema = v.object({
  ...syncMetaEntries,
  sessionId: IdSchema,
  activityId: IdSchema,
  participantId: IdSchema,
  unitId: IdSchema,
  day: DaySchema,
  present: v.boolean(),
});
export type SessionMark = v.InferOutput<typeof SessionMarkSchema>;

/** The id of participant P's day mark on day D. */
export function dayMarkId(participantId: string, day: string): string {
  return `dm:${participantId}:${day}`;
}

/** The id of participant P's mark in session S. */
export function sessionMarkId(sessionIdValue: string, participantId: string): string {
  return `sm:${sessionIdValue}:${participantId}`;
}
