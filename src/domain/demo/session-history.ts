/**
 * The invented class attendance of the demo centre: for every past class with a fixed group (a WTZ
 * studio's work, rehabilitation and social-skills training; the Senior+ home's and the day room's
 * small groups) a session mark for each member who was at the centre that day. A member counts as
 * present at a class when they arrived by half an hour after its start and left no earlier than
 * half an hour before its end, so someone who left early misses the afternoon class. Classes for
 * the whole unit (morning exercises, lunch) are covered by the day mark and get no session marks,
 * as in the centres. Draws nothing from the random source: the rest of the demo stays as it was.
 */
import { addDays } from '../calendar';
import type { Activity } from '../entities/activity';
import { sessionMarkId, type DayMark, type SessionMark } from '../entities/attendance';
import type { Participant } from '../entities/participant';
import type { Session } from '../entities/session';
import type { Unit } from '../entities/unit';
import { audienceMemo } from '../rules/plan/audience';
import { expandSessions } from '../rules/plan/occurrences';
import type { DemoContext } from './context';

/** Tolerance, in minutes, of a late arrival or an early leave before a class counts as missed. */
const GRACE_MINUTES = 30;

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Session marks of `units`' group classes held from the history's start to yesterday. */
export function makeSessionMarks(
  ctx: DemoContext, units: readonly Unit[], participants: readonly Participant[],
  activities: readonly Activity[], sessions: readonly Session[], dayMarks: readonly DayMark[],
): SessionMark[] {
  const present = new Map<string, DayMark>();
  for (const m of dayMarks) if (m.status === 'present') present.set(`${m.participantId}|${m.day}`, m);
  const audience = audienceMemo(participants);
  const out: SessionMark[] = [];
  for (const unit of units) {
    const group = activities.filter((a) => a.unitId === unit.id && a.audience.type !== 'unit');
    for (const occ of expandSessions(group, sessions, unit, ctx.historyStart, addDays(ctx.today, -1))) {
      const start = minutes(occ.startTime);
      const end = minutes(occ.endTime);
      for (const p of audience(occ.activity, occ.day)) {
        const mark = present.get(`${p.id}|${occ.day}`);
        if (!mark) continue;
        const arrived = mark.arrivalTime === null || minutes(mark.arrivalTime) <= start + GRACE_MINUTES;
        const stayed = mark.leaveTime === null || minutes(mark.leaveTime) >= end - GRACE_MINUTES;
        out.push({
          id: sessionMarkId(occ.sessionId, p.id), organizationId: ctx.organizationId, hlc: ctx.hlc, changedBy: ctx.adminId, deleted: false,
          sessionId: occ.sessionId, activityId: occ.activityId, participantId: p.id, unitId: unit.id, day: occ.day, present: arrived && stayed,
        });
      }
    }
  }
  return out;
}
