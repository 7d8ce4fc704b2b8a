/**
 * Who is expected at a unit on a day: the base list of the Today screen, the attendance sheet,
 * the pickup list and the meal count. A person is expected when active, admitted, not yet
 * discharged and the day is one of their attendance weekdays, and the unit is open.
 */
import { isUnitOpen, weekdayOf } from '../calendar';
import type { Day } from '../primitives';
import type { AbsenceNotice } from '../entities/absence-notice';
import type { Participant } from '../entities/participant';
import type { Unit } from '../entities/unit';
import { sortPeople } from './polish-sort';

/** The unit fields the expected-list rules read. */
export type UnitCalendar = Pick<Unit, 'id' | 'openingHours' | 'closedDays'>;

/** True when `p` should come on `day` (ignoring whether the unit is open; see `expectedParticipants`). */
export function isExpectedOn(p: Participant, day: Day): boolean {
  if (p.deleted || p.status !== 'active') return false;
  if (p.admissionDate > day) return false;
  if (p.dischargeDate !== null && day > p.dischargeDate) return false;
  return p.attendanceWeekdays.includes(weekdayOf(day));
}

/** The participants of `unit` expected on `day`, in Polish name order; empty when the unit is closed. */
export function expectedParticipants(participants: readonly Participant[], unit: UnitCalendar, day: Day): Participant[] {
  if (!isUnitOpen(unit, day)) return [];
  return sortPeople(participants.filter((p) => p.unitId === unit.id && isExpectedOn(p, day)));
}

/** True when a (not deleted) absence notice covers `day`. */
export function noticeCovers(notice: AbsenceNotice, day: Day): boolean {
  return !notice.deleted && notice.fromDay <= day && day <= notice.toDay;
}
