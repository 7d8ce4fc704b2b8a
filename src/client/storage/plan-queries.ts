/**
 * The weekly planner's read: one unit's activities, the session exceptions around a range of days,
 * its people, rooms and staff. Its own module (not queries.ts) so it loads with the lazy planner.
 */
import { addDays, type Activity, type Participant, type Room, type Session, type StaffMember, type Unit } from '../../domain';
import type { AppDB } from './db';
import { listActivities, listParticipants, listRooms, listStaff } from './queries';

const alive = <T extends { deleted: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);

/** What the weekly planner of one unit reads for the days `fromDay`–`toDay`. */
export interface PlanData {
  unit: Unit;
  activities: Activity[];
  /** Session exceptions planned within a month of the range (a moved session may come from there). */
  sessions: Session[];
  participants: Participant[];
  rooms: Room[];
  staff: StaffMember[];
}

/** How far around the planner's range it looks for sessions moved into it (days). */
export const PLAN_MOVE_WINDOW_DAYS = 31;

export async function readPlanData(db: AppDB, unitId: string, fromDay: string, toDay: string): Promise<PlanData | null> {
  const unit = await db.entity('units').get(unitId);
  if (!unit || unit.deleted) return null;
  const [activities, sessions, participants, rooms, staff] = await Promise.all([
    listActivities(db, unitId),
    db.entity('sessions').where('[unitId+day]')
      .between([unitId, addDays(fromDay, -PLAN_MOVE_WINDOW_DAYS)], [unitId, addDays(toDay, PLAN_MOVE_WINDOW_DAYS)], true, true).toArray().then(alive),
    listParticipants(db, unitId),
    listRooms(db, unitId),
    listStaff(db, unitId),
  ]);
  return { unit, activities, sessions, participants, rooms, staff };
}
