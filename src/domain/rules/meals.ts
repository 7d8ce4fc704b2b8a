/**
 * The day's meal count for the kitchen: everyone expected, minus those marked absent or excused
 * and those with an absence notice for the day. A present mark wins over a notice (the person came).
 */
import type { Day } from '../primitives';
import type { AbsenceNotice } from '../entities/absence-notice';
import type { DayMark } from '../entities/attendance';
import { DIETS, type Diet, type Participant } from '../entities/participant';
import { noticeCovers } from './expected';

/** The expected participants who will eat on `day`. */
export function eatingParticipants(
  expected: readonly Participant[], marks: readonly DayMark[], notices: readonly AbsenceNotice[], day: Day,
): Participant[] {
  const status = new Map<string, DayMark['status']>();
  for (const m of marks) if (m.day === day && !m.deleted) status.set(m.participantId, m.status);
  const noticed = new Set(notices.filter((n) => noticeCovers(n, day)).map((n) => n.participantId));
  return expected.filter((p) => {
    const s = status.get(p.id);
    if (s === 'present') return true;
    if (s === 'absent' || s === 'excused') return false;
    return !noticed.has(p.id);
  });
}

/** How many lunches to order for `day`. */
export function mealCount(
  expected: readonly Participant[], marks: readonly DayMark[], notices: readonly AbsenceNotice[], day: Day,
): number {
  return eatingParticipants(expected, marks, notices, day).length;
}

/** How many lunches of each diet to order for `day` (every diet present, zero when nobody needs it). */
export function mealCountsByDiet(
  expected: readonly Participant[], marks: readonly DayMark[], notices: readonly AbsenceNotice[], day: Day,
): Record<Diet, number> {
  const counts = Object.fromEntries(DIETS.map((d) => [d, 0])) as Record<Diet, number>;
  for (const p of eatingParticipants(expected, marks, notices, day)) counts[p.diet] += 1;
  return counts;
}
