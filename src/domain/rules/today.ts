/**
 * The rules behind the Today screen: the attendance summary, the day's classes and the reminders
 * a coordinator should see (certificates, IPR reviews, long absences, birthdays). Pure: "today"
 * is a parameter.
 */
import { addDays, isUnitOpen, weekdayOf } from '../calendar';
import type { Day } from '../primitives';
import type { AbsenceNotice } from '../entities/absence-notice';
import type { Activity } from '../entities/activity';
import type { DayMark } from '../entities/attendance';
import type { Participant } from '../entities/participant';
import type { Unit } from '../entities/unit';
import type { Session } from '../entities/session';
import { noticeCovers, type UnitCalendar } from './expected';
import { expandSessions, type SessionOccurrence } from './plan/occurrences';
import { comparePeople } from './polish-sort';

/** The attendance summary of one day. `expected = present + absent + excused + unmarked`. */
export interface AttendanceCounts { expected: number; present: number; absent: number; excused: number; unmarked: number }

/** Marks of `day` by participant, ignoring deleted ones. */
function marksOfDay(marks: readonly DayMark[], day: Day): Map<string, DayMark> {
  const map = new Map<string, DayMark>();
  for (const m of marks) if (m.day === day && !m.deleted) map.set(m.participantId, m);
  return map;
}

/** Participants with a notice covering `day`. */
function noticedOn(notices: readonly AbsenceNotice[], day: Day): Set<string> {
  return new Set(notices.filter((n) => noticeCovers(n, day)).map((n) => n.participantId));
}

/**
 * Counts the expected people of a day by their mark. A person without a mark but with an absence
 * notice covering the day counts as excused; marks of people who were not expected are not counted.
 */
export function attendanceCounts(
  expected: readonly Participant[], marks: readonly DayMark[], notices: readonly AbsenceNotice[], day: Day,
): AttendanceCounts {
  const byPerson = marksOfDay(marks, day);
  const noticed = noticedOn(notices, day);
  const counts: AttendanceCounts = { expected: expected.length, present: 0, absent: 0, excused: 0, unmarked: 0 };
  for (const p of expected) {
    const mark = byPerson.get(p.id);
    if (mark) counts[mark.status] += 1;
    else if (noticed.has(p.id)) counts.excused += 1;
    else counts.unmarked += 1;
  }
  return counts;
}

/** One class on one day. */
export interface ActivityOccurrence { activity: Activity; startTime: string; endTime: string }

export { activityOccursOn } from './plan/recurrence';

/**
 * The classes of `unit` on `day`, by start time (none on a closed day): the planner's expansion of
 * that one day, so Today and the weekly planner agree. Without `sessions` the plan is shown as
 * planned; with them, cancelled classes disappear and moved ones and substitutes are applied.
 */
export function activitiesOnDay(
  activities: readonly Activity[], unit: UnitCalendar, day: Day, sessions: readonly Session[] = [],
): SessionOccurrence[] {
  return expandSessions(activities, sessions, unit, day, day);
}

/** Something about a participant the coordinator should act on or know today. */
export type Reminder =
  | { kind: 'certificateExpiring'; participant: Participant; validUntil: Day; expired: boolean }
  | { kind: 'rehabReviewDue'; participant: Participant; reviewDate: Day }
  | { kind: 'longAbsence'; participant: Participant; workingDays: number }
  /** The unit's own rules strike a person off after `limit` working days of absence; this one is close or past it. */
  | { kind: 'absenceLimit'; participant: Participant; workingDays: number; limit: number }
  | { kind: 'birthday'; participant: Participant; age: number };

/** A disability certificate ending within this many days (or already ended) raises a reminder. */
export const CERTIFICATE_WARNING_DAYS = 30;
/** Working days before the unit's absence limit at which the limit reminder appears. */
export const ABSENCE_LIMIT_WARNING_DAYS = 3;
/** An IPR review within this many days (or overdue) raises a reminder. */
export const REHAB_REVIEW_WARNING_DAYS = 14;

/**
 * How many of the participant's working days in a row before `day` carry an absent or excused mark.
 * Working days are the days the unit is open and the person is due (their attendance weekdays); a
 * present mark or a missing mark ends the streak.
 */
export function absenceStreakBefore(
  p: Participant, marks: readonly DayMark[], unit: Pick<Unit, 'openingHours' | 'closedDays'>, day: Day,
): number {
  const status = new Map<Day, DayMark['status']>();
  let earliest: Day | null = null;
  for (const m of marks) {
    if (m.deleted || m.participantId !== p.id) continue;
    status.set(m.day, m.status);
    if (earliest === null || m.day < earliest) earliest = m.day;
  }
  if (earliest === null) return 0;
  const from = p.admissionDate > earliest ? p.admissionDate : earliest;
  let streak = 0;
  for (let d = addDays(day, -1); d >= from; d = addDays(d, -1)) {
    if (!p.attendanceWeekdays.includes(weekdayOf(d)) || !isUnitOpen(unit, d)) continue;
    const s = status.get(d);
    if (s !== 'absent' && s !== 'excused') break;
    streak += 1;
  }
  return streak;
}

/** True when `birthDate` falls on `day` (29 February birthdays fall on 28 February in other years). */
function isBirthday(birthDate: Day, day: Day): boolean {
  const md = birthDate.slice(5);
  if (md === day.slice(5)) return true;
  const y = Number(day.slice(0, 4));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return md === '02-29' && !leap && day.slice(5) === '02-28';
}

const KIND_ORDER: Record<Reminder['kind'], number> = { certificateExpiring: 0, absenceLimit: 1, longAbsence: 2, rehabReviewDue: 3, birthday: 4 };

function rank(r: Reminder): number {
  if (r.kind === 'certificateExpiring' && r.expired) return 0;
  if (r.kind === 'absenceLimit' || r.kind === 'longAbsence') return 1;
  return 2;
}

/**
 * The reminders of `unit` on `day` for its active participants: expired certificates first, then
 * long absences, then the rest, each group in Polish name order.
 */
export function reminders(
  participants: readonly Participant[], marksByParticipant: ReadonlyMap<string, readonly DayMark[]>, unit: Unit, day: Day,
): Reminder[] {
  const out: Reminder[] = [];
  const certLimit = addDays(day, CERTIFICATE_WARNING_DAYS);
  const reviewLimit = addDays(day, REHAB_REVIEW_WARNING_DAYS);
  for (const p of participants) {
    if (p.deleted || p.status !== 'active' || p.unitId !== unit.id) continue;
    const validUntil = p.disabilityCertificate?.validUntil ?? null;
    if (validUntil !== null && validUntil <= certLimit) {
      out.push({ kind: 'certificateExpiring', participant: p, validUntil, expired: validUntil < day });
    }
    if (p.rehabPlan && p.rehabPlan.reviewDate <= reviewLimit) {
      out.push({ kind: 'rehabReviewDue', participant: p, reviewDate: p.rehabPlan.reviewDate });
    }
    const streak = absenceStreakBefore(p, marksByParticipant.get(p.id) ?? [], unit, day);
    const limit = unit.absenceLimitDays;
    if (limit !== null && streak >= Math.max(1, limit - ABSENCE_LIMIT_WARNING_DAYS)) {
      out.push({ kind: 'absenceLimit', participant: p, workingDays: streak, limit });
    } else if (streak >= unit.absenceStreakAlertDays) {
      out.push({ kind: 'longAbsence', participant: p, workingDays: streak });
    }
    if (isBirthday(p.birthDate, day)) {
      // On the birthday itself the age is the difference of the years (also for 29 February on the 28th).
      out.push({ kind: 'birthday', participant: p, age: Number(day.slice(0, 4)) - Number(p.birthDate.slice(0, 4)) });
    }
  }
  return out.sort((a, b) =>
    rank(a) - rank(b) || comparePeople(a.participant, b.participant) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
