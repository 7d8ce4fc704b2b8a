/**
 * Hours attended on a present day. With both an arrival and a leave time the hours are the time
 * between them; with only one of them, the unit's opening or closing time stands in for the other;
 * with neither, the planned hours of the day count: the unit's daily target, never more than it is
 * open that weekday (WTZ: at most 7 hours a day). Minutes, as whole numbers, so sums are exact.
 */
import { weekdayOf } from '../../calendar';
import { minutesOf } from '../../time-of-day';
import type { Day, Weekday } from '../../primitives';
import type { DayMark } from '../../entities/attendance';
import type { Unit } from '../../entities/unit';

export type HoursUnit = Pick<Unit, 'openingHours' | 'dailyHoursTarget'>;

/** Minutes planned for one person on `day`: the daily target, capped by that weekday's opening hours. */
export function plannedMinutes(unit: HoursUnit, day: Day, weekday: Weekday = weekdayOf(day)): number {
  const target = Math.round(unit.dailyHoursTarget * 60);
  const hours = unit.openingHours.find((h) => h.weekday === weekday);
  if (!hours) return target;
  return Math.min(target, minutesOf(hours.close) - minutesOf(hours.open));
}

/**
 * Minutes attended according to a present mark, and whether they come from recorded times.
 * `weekday`: the mark's weekday when the caller knows it (a report over a year saves the parsing).
 */
export function attendedMinutes(
  unit: HoursUnit, mark: Pick<DayMark, 'day' | 'arrivalTime' | 'leaveTime'>, weekday: Weekday = weekdayOf(mark.day),
): { minutes: number; fromTimes: boolean } {
  const { arrivalTime: arrival, leaveTime: leave } = mark;
  if (arrival === null && leave === null) return { minutes: plannedMinutes(unit, mark.day, weekday), fromTimes: false };
  const hours = unit.openingHours.find((h) => h.weekday === weekday);
  const start = arrival !== null ? minutesOf(arrival) : hours ? minutesOf(hours.open) : null;
  const end = leave !== null ? minutesOf(leave) : hours ? minutesOf(hours.close) : null;
  if (start === null || end === null) return { minutes: plannedMinutes(unit, mark.day, weekday), fromTimes: false };
  return { minutes: Math.max(0, end - start), fromTimes: true };
}
