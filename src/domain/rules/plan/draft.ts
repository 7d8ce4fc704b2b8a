/**
 * "Shown before saving": the conflicts a new or edited activity would cause over the coming weeks,
 * so the planner can warn before the coordinator saves it. The draft replaces the stored activity
 * with the same id (an edit) and keeps that activity's session exceptions.
 *
 * Besides the conflicts of `planConflicts` that involve the draft's own occurrences, it reports
 * `unitClosed` for occurrences the closed unit silently drops and the coordinator would not expect
 * to lose: a one-off on any closed day, and a recurring class on a weekday without opening hours.
 * A recurring class skipping public holidays and the unit's closed days is normal and not reported.
 * The draft is assumed valid (times in order, `ActivitySchema`): validate it before asking.
 */
import { addDays, unitClosedReason, weekdayOf } from '../../calendar';
import type { Day } from '../../primitives';
import type { Activity } from '../../entities/activity';
import { sessionId, type Session } from '../../entities/session';
import type { Unit } from '../../entities/unit';
import { compareConflicts, conflict, planConflicts, type PlanConflict, type PlanContext } from './conflicts';
import { expandSessions } from './occurrences';
import { activityOccursOn } from './recurrence';

/** How far ahead the warning looks by default. */
export const DRAFT_CHECK_WEEKS = 4;

/** What the draft check needs: the conflict context, the first day and how many weeks from it. */
export interface DraftCheck extends Omit<PlanContext, 'unit'> {
  fromDay: Day;
  weeks?: number;
}

/** The conflicts `draft` would take part in from `fromDay` over `weeks` weeks (default 4), in conflict order. */
export function conflictsForDraft(
  draft: Activity, existingActivities: readonly Activity[], sessions: readonly Session[],
  unit: Pick<Unit, 'id' | 'kind' | 'openingHours' | 'closedDays'>, check: DraftCheck,
): PlanConflict[] {
  const toDay = addDays(check.fromDay, (check.weeks ?? DRAFT_CHECK_WEEKS) * 7 - 1);
  const activities = [...existingActivities.filter((a) => a.id !== draft.id), draft];
  const all = expandSessions(activities, sessions, unit, check.fromDay, toDay);
  const mine = new Set<string>();
  const days = new Set<Day>();
  for (const o of all) {
    if (o.activityId !== draft.id) continue;
    mine.add(o.sessionId);
    days.add(o.day);
  }
  const sameDays = all.filter((o) => days.has(o.day));
  const out = planConflicts(sameDays, { participants: check.participants, rooms: check.rooms, unit })
    .filter((c) => c.occurrenceIds.some((id) => mine.has(id)));

  if (draft.unitId === unit.id && !draft.deleted) {
    for (let day = check.fromDay; day <= toDay; day = addDays(day, 1)) {
      if (!activityOccursOn(draft, day, weekdayOf(day))) continue;
      const closed = unitClosedReason(unit, day);
      if (closed && (draft.kind === 'oneOff' || closed.kind === 'weekday')) {
        out.push(conflict('unitClosed', day, [sessionId(draft.id, day)], unit.id));
      }
    }
  }
  return out.sort(compareConflicts);
}
