/**
 * Reads of the synced tables for the screens. Each returns values (rows are never handed out to
 * be mutated and put back), without tombstones, in the order people expect (Polish collation).
 * The state layer wraps them in live queries, so a screen updates when a write or a pull lands.
 */
import {
  addDays, comparePolish, isErasedRecord, sortPeople, type ErasedParticipant,
  type AbsenceNotice, type Activity, type DayMark, type Organization, type Participant, type Room, type Route,
  type RouteStop, type Session, type SessionMark, type StaffMember, type Unit, type EntityName, type MealOrder, mealOrderId, type TransportEvent,
} from '../../domain';
import type { AppDB } from './db';

const alive = <T extends { deleted: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);
const byName = <T extends { name: string }>(rows: T[]): T[] => [...rows].sort((a, b) => comparePolish(a.name, b.name));

export async function getOrganization(db: AppDB): Promise<Organization | null> {
  return alive(await db.entity('organizations').toArray())[0] ?? null;
}

export async function listUnits(db: AppDB): Promise<Unit[]> {
  return byName(alive(await db.entity('units').toArray()));
}

export async function listRooms(db: AppDB, unitId: string): Promise<Room[]> {
  return byName(alive(await db.entity('rooms').where('unitId').equals(unitId).toArray()));
}

export async function listStaff(db: AppDB, unitId: string | null): Promise<StaffMember[]> {
  const rows = unitId === null ? await db.entity('staff').toArray() : await db.entity('staff').where('unitIds').equals(unitId).toArray();
  return sortPeople(alive(rows));
}

export async function listParticipants(db: AppDB, unitId: string): Promise<Participant[]> {
  return sortPeople(alive(await db.entity('participants').where('unitId').equals(unitId).toArray()));
}

/** The tombstones of the unit's erased people (ids, unit and ledger number only), for the reports. */
export async function listErased(db: AppDB, unitId: string): Promise<ErasedParticipant[]> {
  const rows = await db.table<Record<string, unknown>, string>('participants').where('unitId').equals(unitId).toArray();
  return rows.filter((r) => isErasedRecord('participants', r)) as unknown as ErasedParticipant[];
}

export async function listActivities(db: AppDB, unitId: string): Promise<Activity[]> {
  const rows = alive(await db.entity('activities').where('unitId').equals(unitId).toArray());
  return rows.sort((a, b) => a.startTime.localeCompare(b.startTime) || comparePolish(a.title, b.title));
}

export interface RouteWithStops { route: Route; stops: RouteStop[] }

export async function listRoutes(db: AppDB, unitId: string): Promise<RouteWithStops[]> {
  const routes = byName(alive(await db.entity('routes').where('unitId').equals(unitId).toArray()));
  const stops = alive(await db.entity('routeStops').where('unitId').equals(unitId).toArray());
  return routes.map((route) => ({
    route,
    stops: stops.filter((s) => s.routeId === route.id).sort((a, b) => a.position - b.position),
  }));
}

/** How far back the Today screen looks for absence streaks (calendar days). */
export const HISTORY_WINDOW_DAYS = 120;

/** Everything the Today overview of one unit and day is computed from. */
export interface DayData {
  unit: Unit;
  /** Session records (cancellations, moves, substitutes, logs) within two weeks of the day. */
  sessions: Session[];
  participants: Participant[];
  marks: DayMark[];
  recentMarks: DayMark[];
  notices: AbsenceNotice[];
  activities: Activity[];
  rooms: Room[];
  staff: StaffMember[];
  /** The day's lunch order (sent or draft), if any (issue 13: Today flags a late or missing one). */
  mealOrder?: MealOrder | null;
}

/** `historyDays` of past marks are read for the absence reminders (0: only the day's marks). */
export async function readDayData(db: AppDB, unitId: string, day: string, historyDays = HISTORY_WINDOW_DAYS): Promise<DayData | null> {
  const unit = await db.entity('units').get(unitId);
  if (!unit || unit.deleted) return null;
  const recentMarks = alive(await db.entity('dayMarks').where('[unitId+day]')
    .between([unitId, addDays(day, -historyDays)], [unitId, day], true, true).toArray());
  const [sessions, participants, notices, activities, rooms, staff, mealOrder] = await Promise.all([
    db.entity('sessions').where('[unitId+day]').between([unitId, addDays(day, -14)], [unitId, addDays(day, 14)], true, true).toArray().then(alive),
    listParticipants(db, unitId),
    db.entity('absenceNotices').where('unitId').equals(unitId).toArray().then(alive),
    listActivities(db, unitId),
    listRooms(db, unitId),
    listStaff(db, unitId),
    getMealOrder(db, unitId, day),
  ]);
  return { unit, sessions, participants, marks: recentMarks.filter((m) => m.day === day), recentMarks, notices, activities, rooms, staff, mealOrder };
}

/** Number of changes waiting to be pushed. */
export function countPending(db: AppDB): Promise<number> {
  return db.outbox.count();
}

/** The stored rows (tombstones included) of `ids`, undefined where there is none. */
export async function getRows(db: AppDB, entity: EntityName, ids: readonly string[]): Promise<(Record<string, unknown> | undefined)[]> {
  return db.table<Record<string, unknown>, string>(entity).bulkGet([...ids]);
}

/** What the attendance screen of one unit and day needs beyond the Today overview. */
export interface AttendanceExtras { sessionMarks: SessionMark[]; sessions: Session[] }

export async function readAttendanceExtras(db: AppDB, unitId: string, day: string): Promise<AttendanceExtras> {
  const [sessionMarks, sessions] = await Promise.all([
    db.entity('sessionMarks').where('[unitId+day]').equals([unitId, day]).toArray().then(alive),
    db.entity('sessions').where('[unitId+day]').equals([unitId, day]).toArray().then(alive),
  ]);
  return { sessionMarks, sessions };
}

/** What the monthly sheet of one unit reads: its participants, the month's marks and notices. */
export interface MonthData { unit: Unit; participants: Participant[]; marks: DayMark[]; notices: AbsenceNotice[]; erased: ErasedParticipant[] }

export async function readMonthData(db: AppDB, unitId: string, month: string): Promise<MonthData | null> {
  const unit = await db.entity('units').get(unitId);
  if (!unit || unit.deleted) return null;
  const [participants, marks, notices, erased] = await Promise.all([
    listParticipants(db, unitId),
    db.entity('dayMarks').where('[unitId+day]').between([unitId, `${month}-01`], [unitId, `${month}-31`], true, true).toArray().then(alive),
    db.entity('absenceNotices').where('unitId').equals(unitId).toArray().then(alive),
    listErased(db, unitId),
  ]);
  return { unit, participants, marks, notices, erased };
}

/** What a period report (issue 7) reads: the unit's people, marks and notices of the period, its plan. */
export interface PeriodData extends MonthData { activities: Activity[]; sessions: Session[] }

export async function readPeriodData(db: AppDB, unitId: string, from: string, to: string): Promise<PeriodData | null> {
  const unit = await db.entity('units').get(unitId);
  if (!unit || unit.deleted) return null;
  const [participants, marks, notices, activities, sessions, erased] = await Promise.all([
    listParticipants(db, unitId),
    db.entity('dayMarks').where('[unitId+day]').between([unitId, from], [unitId, to], true, true).toArray().then(alive),
    db.entity('absenceNotices').where('unitId').equals(unitId).toArray().then(alive),
    listActivities(db, unitId),
    // Sessions moved into the period from up to a month outside it count too.
    db.entity('sessions').where('[unitId+day]').between([unitId, addDays(from, -31)], [unitId, addDays(to, 31)], true, true).toArray().then(alive),
    listErased(db, unitId),
  ]);
  return { unit, participants, marks, notices, activities, sessions, erased };
}

/** What the pickup lists of one unit and day are computed from. */
export interface PickupData {
  events: TransportEvent[];
  unit: Unit;
  routes: RouteWithStops[];
  participants: Participant[];
  notices: AbsenceNotice[];
  marks: DayMark[];
  activities: Activity[];
}

export async function readPickupData(db: AppDB, unitId: string, day: string): Promise<PickupData | null> {
  const unit = await db.entity('units').get(unitId);
  if (!unit || unit.deleted) return null;
  const [events, routes, participants, notices, marks, activities] = await Promise.all([
    listTransportEvents(db, unitId, day),
    listRoutes(db, unitId),
    listParticipants(db, unitId),
    db.entity('absenceNotices').where('unitId').equals(unitId).toArray().then(alive),
    db.entity('dayMarks').where('[unitId+day]').equals([unitId, day]).toArray().then(alive),
    listActivities(db, unitId),
  ]);
  return { events, unit, routes, participants, notices, marks, activities };
}

/** The driver's marks at the stops of a unit's day. */
export async function listTransportEvents(db: AppDB, unitId: string, day: string): Promise<TransportEvent[]> {
  return alive(await db.entity('transportEvents').where('[unitId+day]').equals([unitId, day]).toArray());
}

/** What the contradictions of a unit's day are found in: its day marks, the driver's marks and the runs' names. */
export interface DriverMarksData { marks: DayMark[]; events: TransportEvent[]; routeNames: Map<string, string> }

export async function readDriverMarks(db: AppDB, unitId: string, day: string): Promise<DriverMarksData> {
  const [marks, events, routes] = await Promise.all([
    db.entity('dayMarks').where('[unitId+day]').equals([unitId, day]).toArray().then(alive),
    listTransportEvents(db, unitId, day),
    db.entity('routes').where('unitId').equals(unitId).toArray(),
  ]);
  return { marks, events, routeNames: new Map(routes.map((r) => [r.id, r.name])) };
}

/** The meal order of a unit's day, if one was sent. */
export async function getMealOrder(db: AppDB, unitId: string, day: string): Promise<MealOrder | null> {
  const row = await db.entity('mealOrders').get(mealOrderId(unitId, day));
  return row && !row.deleted ? row : null;
}

/** The meal orders of a unit's month ('yyyy-MM'). */
export async function listMealOrders(db: AppDB, unitId: string, month: string): Promise<MealOrder[]> {
  return alive(await db.entity('mealOrders').where('[unitId+day]').between([unitId, `${month}-01`], [unitId, `${month}-31`], true, true).toArray());
}
