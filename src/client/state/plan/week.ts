/**
 * The weekly planner's read model: one unit's week (Monday to Sunday) expanded into dated
 * occurrences with their conflicts, the WTZ hours per participant and the Senior+ opening-hours
 * check, all from the pure plan rules. `buildPlanWeek` is pure (tests and the component tests'
 * fake state call it too); `usePlanWeek` runs it over a live query of the device database.
 */
import { useMemo } from 'preact/hooks';
import {
  activityOccursOn, addDays, expandSessions, isUnitOpen, sessionId, startOfWeek, unitClosedReason, weekdayOf, type Activity, type ClosedReason, type Day, type HoursIssue, type ParticipantHours, type PlanConflict, type SessionOccurrence, type ShortWeekday, type Weekday,
} from '../../../domain';
import { planConflicts, plannedHours, seniorPlusHoursCheck, wtzHoursIssues } from '../../../domain/rules/plan';
import { needsEightHourOffer } from '../../../domain/rules/kinds/senior';
import { sdsHoursCheck, type SdsHoursCheck } from '../../../domain/rules/kinds/sds';
import { readPlanData, type PlanData } from '../../storage/plan-queries';
import { useLiveQuery } from '../live-query';
import type { QueryResult } from '../types';

/** One day column of the planner. */
export interface PlanDay {
  day: Day;
  weekday: Weekday;
  /** Why the unit is closed (a public holiday, its own closed day, no hours that weekday), or null. */
  closed: ClosedReason | null;
  /** The unit's opening hours that weekday, or null. */
  hours: { open: string; close: string } | null;
}

/** A cancelled occurrence: its activity and planned day. */
export interface CancelledOccurrence { sessionId: string; activity: Activity; day: Day }

export interface PlanWeek extends PlanData {
  /** The Monday of the week. */
  weekStart: Day;
  /** Monday to Friday, plus Saturday and Sunday when the unit opens then or something is planned. */
  days: PlanDay[];
  occurrences: SessionOccurrence[];
  /** Occurrences cancelled this week (shown struck through, so they can be restored). */
  cancelled: CancelledOccurrence[];
  conflicts: PlanConflict[];
  /** Planned minutes per participant (every unit kind), per day and week. */
  hours: ParticipantHours[];
  /** WTZ only: days over 7 h or under the target, weeks over 35 h or under the target. */
  hoursIssues: HoursIssue[];
  /** Senior day homes only (not clubs): weekdays Monday–Friday open under 8 hours. */
  seniorPlusShort: ShortWeekday[];
  /** ŚDS only: the opening-hours standard (8 hours on 5 days, 6 hours of classes); null for other kinds. */
  sdsHours: SdsHoursCheck | null;
}

/** The planner's week of `weekStart` (any day of the week) from the unit's stored records. */
export function buildPlanWeek(data: PlanData, anyDay: Day): PlanWeek {
  const weekStart = startOfWeek(anyDay);
  const sunday = addDays(weekStart, 6);
  const { unit, activities, sessions, participants, rooms } = data;
  const occurrences = expandSessions(activities, sessions, unit, weekStart, sunday);
  const used = new Set(occurrences.map((o) => o.day));
  const days: PlanDay[] = [];
  for (let i = 0; i < 7; i++) {
    const day = addDays(weekStart, i);
    const weekday = weekdayOf(day);
    const h = unit.openingHours.find((x) => x.weekday === weekday);
    if (weekday >= 6 && !h && !used.has(day)) continue;
    days.push({ day, weekday, closed: unitClosedReason(unit, day), hours: h ? { open: h.open, close: h.close } : null });
  }
  const byId = new Map(activities.filter((a) => !a.deleted).map((a) => [a.id, a]));
  const cancelled: CancelledOccurrence[] = [];
  for (const s of sessions) {
    const activity = byId.get(s.activityId);
    if (s.deleted || s.status !== 'cancelled' || !activity || s.day < weekStart || s.day > sunday) continue;
    if (activityOccursOn(activity, s.day) && isUnitOpen(unit, s.day)) cancelled.push({ sessionId: sessionId(activity.id, s.day), activity, day: s.day });
  }
  cancelled.sort((a, b) => a.day.localeCompare(b.day) || a.activity.startTime.localeCompare(b.activity.startTime));
  return {
    ...data,
    weekStart,
    days,
    occurrences,
    cancelled,
    conflicts: planConflicts(occurrences, { participants, unit, rooms }),
    hours: plannedHours(occurrences, participants),
    hoursIssues: wtzHoursIssues(occurrences, participants, unit, weekStart, sunday),
    seniorPlusShort: needsEightHourOffer(unit.kind) ? seniorPlusHoursCheck(unit) : [],
    sdsHours: unit.kind === 'selfHelpHome' ? sdsHoursCheck(unit, occurrences, weekStart) : null,
  };
}

/** The live planner week of a unit (loading while no unit is chosen). */
export function usePlanWeek(unitId: string | null, weekStart: Day): QueryResult<PlanWeek> {
  const monday = startOfWeek(weekStart);
  const raw = useLiveQuery(unitId ? (db) => readPlanData(db, unitId, monday, addDays(monday, 6)) : null, [unitId, monday]);
  return useMemo<QueryResult<PlanWeek>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    if (raw.data === null) return { data: undefined, isLoading: false, error: { code: 'unknown' } };
    return { data: buildPlanWeek(raw.data, monday), isLoading: false, error: null };
  }, [raw, monday]);
}
