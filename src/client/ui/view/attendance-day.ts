/**
 * The attendance day as rows and figures for the screen: expected people first (Polish order),
 * then people added for the day; who is still to mark; initials for the avatar; and whether the
 * day can take marks (not in the future, unit open).
 */
import type { Participant, Room } from '../../../domain';
import type { AttendanceDay } from '../../state/attendance';
import { attendanceRows, type AttendanceRow } from './attendance-rows';

export interface DayRows {
  expected: AttendanceRow[];
  added: AttendanceRow[];
  /** Expected people with neither a mark nor a notice. */
  remaining: string[];
}

export function dayRows(day: Pick<AttendanceDay, 'expected' | 'added' | 'marks' | 'notices'>): DayRows {
  const expected = attendanceRows(day);
  const added = attendanceRows({ expected: day.added, marks: day.marks, notices: day.notices });
  const remaining = expected.filter((r) => r.status === 'none').map((r) => r.participant.id);
  return { expected, added, remaining };
}

/** "AK" for Anna Kowalska (first letters, upper case, Polish letters kept). */
export function initials(p: Pick<Participant, 'firstName' | 'lastName'>): string {
  return `${p.firstName.charAt(0)}${p.lastName.charAt(0)}`.toLocaleUpperCase('pl');
}

/** Studio names by id. */
export function studioNames(rooms: readonly Room[] | undefined): ReadonlyMap<string, string> {
  return new Map((rooms ?? []).map((r) => [r.id, r.name]));
}

/** Participants of the unit who could be added for the day (not expected, not yet marked, active). */
export function addableParticipants(day: Pick<AttendanceDay, 'participants' | 'expected' | 'added'>): Participant[] {
  const taken = new Set([...day.expected, ...day.added].map((p) => p.id));
  return day.participants.filter((p) => !taken.has(p.id) && p.status === 'active');
}

export type DayMode = 'today' | 'past' | 'future';

/** Today and past days take marks; future days only absence notices. */
export function dayMode(day: string, today: string): DayMode {
  return day === today ? 'today' : day < today ? 'past' : 'future';
}
