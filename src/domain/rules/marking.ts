/**
 * How a therapist's tap turns into a day mark. One tap marks present (keeping an arrival time
 * already written); "absent" needs a reason (illness by default is a guess we do not make:
 * "other" until the therapist picks one); "excused" takes the reason of the absence notice when
 * there is one. Absent and excused marks carry no arrival or leave time. Pure: the caller passes
 * the stored mark and the notice.
 */
import type { Time } from '../primitives';
import type { AbsenceNotice } from '../entities/absence-notice';
import type { AbsenceReason, AttendanceStatus, DayMark, SessionMark } from '../entities/attendance';

/** What the therapist chose for a person on a day. Omitted fields keep their stored value. */
export interface MarkChoice {
  status: AttendanceStatus;
  absenceReason?: AbsenceReason | null;
  arrivalTime?: Time | null;
  leaveTime?: Time | null;
  note?: string;
}

/** The editable fields of a day mark. */
export type MarkFields = Pick<DayMark, 'status' | 'absenceReason' | 'arrivalTime' | 'leaveTime' | 'note'>;

/** The fields of the mark after `choice`, given the stored mark (or none) and the day's notice (or none). */
export function markFields(existing: MarkFields | null, choice: MarkChoice, notice: AbsenceNotice | null = null): MarkFields {
  const note = choice.note ?? existing?.note ?? '';
  if (choice.status === 'present') {
    const arrivalTime = choice.arrivalTime !== undefined ? choice.arrivalTime : existing?.status === 'present' ? existing.arrivalTime : null;
    const leaveTime = choice.leaveTime !== undefined ? choice.leaveTime : existing?.status === 'present' ? existing.leaveTime : null;
    // A leave time before the arrival is a slip of the finger: drop the leave time rather than refuse the tick.
    const leave = arrivalTime !== null && leaveTime !== null && leaveTime < arrivalTime ? null : leaveTime;
    return { status: 'present', absenceReason: null, arrivalTime, leaveTime: leave, note };
  }
  const kept = existing && existing.status !== 'present' ? existing.absenceReason : null;
  const fallback = choice.status === 'excused' ? (notice?.reason ?? null) : 'other';
  const absenceReason = choice.absenceReason !== undefined && choice.absenceReason !== null ? choice.absenceReason : (kept ?? fallback);
  return { status: choice.status, absenceReason, arrivalTime: null, leaveTime: null, note };
}

/**
 * People ticked as taking part in a session of the day but without a day mark yet: the screen
 * suggests marking them present.
 */
export function suggestedPresent(sessionMarks: readonly SessionMark[], dayMarks: readonly DayMark[], day: string): string[] {
  const marked = new Set(dayMarks.filter((m) => m.day === day && !m.deleted).map((m) => m.participantId));
  const out = new Set<string>();
  for (const s of sessionMarks) if (s.day === day && s.present && !s.deleted && !marked.has(s.participantId)) out.add(s.participantId);
  return [...out];
}
