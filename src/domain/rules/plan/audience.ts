/**
 * Who takes part in an activity on a day: the base of the planner's capacity, staffing-ratio,
 * overlap and WTZ-hours checks. Pure: the day is a parameter.
 *
 * - `unit`: the unit's active participants who come on that weekday (the expected list);
 * - `studio`: the studio's members among them (a WTZ studio works on its members' days);
 * - `people`: the chosen people, on any weekday (they were chosen for this class, often a trip or a
 *   small group outside their usual days), as long as they are active and admitted on the day.
 * Nobody who is discharged, suspended, a candidate or not yet admitted on the day takes part.
 */
import type { Day } from '../../primitives';
import type { Activity } from '../../entities/activity';
import type { Participant } from '../../entities/participant';
import { isExpectedOn } from '../expected';

/** True when `p` is an active participant admitted and not discharged on `day`. */
export function isEnrolledOn(p: Participant, day: Day): boolean {
  return !p.deleted && p.status === 'active' && p.admissionDate <= day
    && (p.dischargeDate === null || day <= p.dischargeDate);
}

/** The participants expected at `activity` on `day`, in the order of `participants`. */
export function expectedAudience(
  activity: Pick<Activity, 'unitId' | 'audience'>, participants: readonly Participant[], day: Day,
): Participant[] {
  const audience = activity.audience;
  switch (audience.type) {
    case 'unit':
      return participants.filter((p) => p.unitId === activity.unitId && isExpectedOn(p, day));
    case 'studio':
      return participants.filter((p) => p.unitId === activity.unitId && p.studioId === audience.studioId && isExpectedOn(p, day));
    case 'people': {
      const chosen = new Set(audience.participantIds);
      return participants.filter((p) => chosen.has(p.id) && p.unitId === activity.unitId && isEnrolledOn(p, day));
    }
  }
}

/**
 * `expectedAudience` with memory, for checks that need many audiences (overlaps, capacity, ratio,
 * hours): each occurrence's audience is computed once, and the unit's expected list of a day is
 * shared by all its classes that day (a week of a 300-person WTZ reads each person once a day,
 * not once a class). Gives the same lists as `expectedAudience`.
 */
export function audienceMemo(participants: readonly Participant[]) {
  const expectedOn = new Map<string, Participant[]>();
  const cache = new Map<string, Participant[]>();
  const unitDay = (unitId: string, day: Day): Participant[] => {
    const key = `${unitId}|${day}`;
    let list = expectedOn.get(key);
    if (!list) expectedOn.set(key, (list = participants.filter((p) => p.unitId === unitId && isExpectedOn(p, day))));
    return list;
  };
  return (activity: Pick<Activity, 'id' | 'unitId' | 'audience'>, day: Day): Participant[] => {
    const key = `${activity.id}|${day}`;
    let list = cache.get(key);
    if (list) return list;
    const audience = activity.audience;
    if (audience.type === 'unit') list = unitDay(activity.unitId, day);
    else if (audience.type === 'studio') list = unitDay(activity.unitId, day).filter((p) => p.studioId === audience.studioId);
    else list = expectedAudience(activity, participants, day);
    cache.set(key, list);
    return list;
  };
}
