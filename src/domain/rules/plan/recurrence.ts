/**
 * When an activity is planned to take place, from its own definition only: the weekdays and
 * validity of a recurring class, the day of a one-off. Whether the unit is open and what the
 * session exceptions say is decided by `expandSessions`; this module is the bare recurrence.
 */
import { weekdayOf } from '../../calendar';
import type { Day, Weekday } from '../../primitives';
import type { Activity } from '../../entities/activity';

/**
 * True when the planned activity takes place on `day` (ignoring whether the unit is open).
 * `validFrom` and `validTo` are both inclusive; a deleted activity never takes place.
 * `weekday` may be passed when the caller already knows it (a loop over consecutive days).
 */
export function activityOccursOn(activity: Activity, day: Day, weekday: Weekday = weekdayOf(day)): boolean {
  if (activity.deleted) return false;
  if (activity.kind === 'oneOff') return activity.day === day;
  if (day < activity.validFrom || (activity.validTo !== null && day > activity.validTo)) return false;
  return activity.weekdays.includes(weekday);
}
