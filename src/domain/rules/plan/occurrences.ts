/**
 * The weekly planner's calendar: every dated occurrence of a unit's activities over a range of
 * days, after public holidays, the unit's closed days and the per-occurrence exceptions (session
 * records: cancelled, moved, substitute instructors).
 *
 * Decisions, kept simple so the planner, the Today screen and the attendance sheet agree:
 * - A day on which the unit is closed (a Polish public holiday, one of its closed days, a weekday
 *   without opening hours) has no sessions at all, recurring or one-off. A trip on such a day is
 *   planned as a one-off only after the unit's calendar says it is open that day (remove the closed
 *   day, or add the weekday's hours); `conflictsForDraft` warns about a one-off on a closed day.
 * - A moved session takes place on its new day and times, in the activity's room, whether or not
 *   its planned day was open (moving a class off a holiday is the usual make-up); it is listed when
 *   the new day lies in the range and the unit is open on it, even if the planned day lies outside
 *   the range, and it is not listed when moved out of the range.
 * - An exception counts only for a day on which the activity really occurs by its recurrence: a
 *   session left behind after the weekdays were edited changes nothing. A `moved` exception without
 *   `movedTo` is read as planned (it cannot be placed anywhere else).
 *
 * Days are `yyyy-MM-dd` strings and times `HH:mm` strings; nothing here goes through a Date, so a
 * daylight-saving change cannot move a session to another day or hour.
 */
import { compareHlc } from '../../hlc';
import { addDays, isUnitOpen, weekdayOf } from '../../calendar';
import type { Day, Time, Weekday } from '../../primitives';
import type { Activity } from '../../entities/activity';
import { sessionId, type Session } from '../../entities/session';
import type { Unit } from '../../entities/unit';
import { comparePolish } from '../polish-sort';
import { activityOccursOn } from './recurrence';

/** The unit fields the expansion reads. */
export type PlanUnit = Pick<Unit, 'id' | 'openingHours' | 'closedDays'>;

/** One dated occurrence of an activity, as it will actually happen. */
export interface SessionOccurrence {
  /** Stable id of the occurrence: the session id of the planned day, kept when the session is moved. */
  sessionId: string;
  activityId: string;
  activity: Activity;
  /** The day the recurrence (or the one-off) put it on: the key of its session record. */
  plannedDay: Day;
  /** The day it takes place: `plannedDay`, or the new day of a moved session. */
  day: Day;
  startTime: Time;
  endTime: Time;
  roomId: string | null;
  /** Who runs it: the activity's staff, or the substitutes of the session record. */
  staffIds: string[];
  status: 'planned' | 'moved';
  /** The session record that changed this occurrence (or holds its log), if any. */
  exception: Session | null;
}

/** Orders occurrences by day, start, end, title (Polish collation), then ids: the planner's order. */
export function compareOccurrences(a: SessionOccurrence, b: SessionOccurrence): number {
  return (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)
    || a.startTime.localeCompare(b.startTime) || a.endTime.localeCompare(b.endTime)
    || comparePolish(a.activity.title, b.activity.title)
    || (a.activityId < b.activityId ? -1 : a.activityId > b.activityId ? 1 : 0)
    || (a.plannedDay < b.plannedDay ? -1 : a.plannedDay > b.plannedDay ? 1 : 0);
}

/**
 * Session records by occurrence key, skipping tombstones. The key is rebuilt from the record's
 * activity and day (not trusted from its id); if two records share a key, the later HLC stamp wins.
 */
function indexExceptions(sessions: readonly Session[], activities: ReadonlyMap<string, Activity>): Map<string, Session> {
  const map = new Map<string, Session>();
  for (const s of sessions) {
    if (s.deleted || !activities.has(s.activityId)) continue;
    const key = sessionId(s.activityId, s.day);
    const prev = map.get(key);
    if (!prev || compareHlc(prev.hlc, s.hlc) < 0) map.set(key, s);
  }
  return map;
}

/** The occurrence of `activity` planned on `plannedDay` after its exception; null when cancelled. */
function applyException(activity: Activity, plannedDay: Day, exception: Session | null): SessionOccurrence | null {
  if (exception?.status === 'cancelled') return null;
  const moved = exception?.status === 'moved' && exception.movedTo ? exception.movedTo : null;
  return {
    sessionId: sessionId(activity.id, plannedDay),
    activityId: activity.id,
    activity,
    plannedDay,
    day: moved?.day ?? plannedDay,
    startTime: moved?.startTime ?? activity.startTime,
    endTime: moved?.endTime ?? activity.endTime,
    roomId: activity.roomId,
    staffIds: exception?.substituteStaffIds ?? activity.staffIds,
    status: moved ? 'moved' : 'planned',
    exception,
  };
}

/**
 * Every occurrence of `unit`'s activities taking place from `fromDay` to `toDay` (both included),
 * in the planner's order. `sessions` are the exception records (any unit; only those of the
 * unit's activities are read). See the module header for holidays, closed days and moves.
 */
export function expandSessions(
  activities: readonly Activity[], sessions: readonly Session[], unit: PlanUnit, fromDay: Day, toDay: Day,
): SessionOccurrence[] {
  if (toDay < fromDay) return [];
  const own = activities.filter((a) => !a.deleted && a.unitId === unit.id);
  const byId = new Map(own.map((a) => [a.id, a]));
  const exceptions = indexExceptions(sessions, byId);
  const openCache = new Map<Day, boolean>();
  const open = (day: Day): boolean => {
    let o = openCache.get(day);
    if (o === undefined) openCache.set(day, (o = isUnitOpen(unit, day)));
    return o;
  };
  const inRange = (day: Day) => fromDay <= day && day <= toDay;

  const out: SessionOccurrence[] = [];
  let weekday: Weekday = weekdayOf(fromDay);
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
    for (const a of own) {
      if (!activityOccursOn(a, day, weekday)) continue;
      const occ = applyException(a, day, exceptions.get(sessionId(a.id, day)) ?? null);
      if (occ && inRange(occ.day) && open(occ.day)) out.push(occ);
    }
    weekday = ((weekday % 7) + 1) as Weekday;
  }
  // Sessions moved into the range from a planned day outside it.
  for (const ex of exceptions.values()) {
    if (ex.status !== 'moved' || !ex.movedTo || inRange(ex.day) || !inRange(ex.movedTo.day)) continue;
    const a = byId.get(ex.activityId);
    if (!a || !activityOccursOn(a, ex.day) || !open(ex.movedTo.day)) continue;
    const occ = applyException(a, ex.day, ex);
    if (occ) out.push(occ);
  }
  return out.sort(compareOccurrences);
}
