/**
 * The Today overview of one unit and day, computed from the stored records by the domain rules
 * (who is expected, counts, the day's classes, meals, reminders). Pure, so it is tested without
 * a database.
 */
import {
  activitiesOnDay, attendanceCounts, expectedParticipants, mealCount, noticeCovers, reminders, unitClosedReason,
  type DayMark,
} from '../../domain';
import type { DayData } from '../storage/queries';
import type { DaySession, TodayOverview } from './types';

const personName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;

/** With `withReminders` false (the attendance screen) the reminders are not computed. */
export function buildTodayOverview(data: DayData, day: string, withReminders = true): TodayOverview {
  const { unit, participants, marks, recentMarks, notices, activities, rooms, staff, sessions: sessionRecords } = data;
  const closed = unitClosedReason(unit, day);
  const expected = expectedParticipants(participants, unit, day);
  const dayNotices = notices.filter((n) => noticeCovers(n, day));
  const roomNames = new Map(rooms.map((r) => [r.id, r.name]));
  const staffNames = new Map(staff.map((s) => [s.id, personName(s)]));
  // Cancelled, moved and substituted classes come from the session records (the plan's exceptions).
  const sessions: DaySession[] = activitiesOnDay(activities, unit, day, sessionRecords).map((o) => ({
    activity: o.activity,
    startTime: o.startTime,
    endTime: o.endTime,
    roomName: o.activity.roomId ? (roomNames.get(o.activity.roomId) ?? null) : null,
    staffNames: o.activity.staffIds.map((id) => staffNames.get(id)).filter((n): n is string => n !== undefined),
  }));
  const byParticipant = new Map<string, DayMark[]>();
  for (const m of recentMarks) {
    const list = byParticipant.get(m.participantId);
    if (list) list.push(m);
    else byParticipant.set(m.participantId, [m]);
  }
  return {
    day,
    holidayName: closed?.kind === 'holiday' ? closed.name : null,
    closedReason: closed === null || closed.kind === 'holiday' ? null : closed.kind === 'weekday' ? 'weekday' : closed.reason,
    expected,
    marks,
    notices: dayNotices,
    counts: attendanceCounts(expected, marks, notices, day),
    sessions,
    mealsToday: unit.servesMeals ? mealCount(expected, marks, notices, day) : null,
    mealOrder: unit.servesMeals ? (data.mealOrder ?? null) : null,
    mealCutoffTime: unit.mealCutoffTime,
    // Drivers and the kitchen receive partial records (no birth dates, certificates or plans):
    // reminders are computed only from whole records.
    reminders: withReminders ? reminders(participants.filter((p) => typeof p.birthDate === 'string'), byParticipant, unit, day) : [],
  };
}
