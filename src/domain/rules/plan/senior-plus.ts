/**
 * "Senior+" day homes (multi-year programme Senior+ 2021–2025) must offer at least 8 hours a day,
 * Monday to Friday. The check reads the unit's opening hours, the one place that offer is set.
 */
import { minutesOf } from '../../time-of-day';
import type { Weekday } from '../../primitives';
import type { Unit } from '../../entities/unit';

/** Senior+: the minimum daily offer, in hours. */
export const SENIOR_PLUS_MIN_DAILY_HOURS = 8;

/** A weekday whose offer is too short, with the minutes it gives (0 when closed that day). */
export interface ShortWeekday { weekday: Weekday; minutes: number }

/** The weekdays Monday–Friday on which `unit` is open less than 8 hours (or not at all), Monday first. */
export function seniorPlusHoursCheck(unit: Pick<Unit, 'openingHours'>): ShortWeekday[] {
  const out: ShortWeekday[] = [];
  for (const weekday of [1, 2, 3, 4, 5] as const) {
    const h = unit.openingHours.find((x) => x.weekday === weekday);
    const minutes = h ? Math.max(0, minutesOf(h.close) - minutesOf(h.open)) : 0;
    if (minutes < SENIOR_PLUS_MIN_DAILY_HOURS * 60) out.push({ weekday, minutes });
  }
  return out;
}
