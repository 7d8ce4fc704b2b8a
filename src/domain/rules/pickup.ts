/**
 * Today's pickup list of one bus run: the stops in order, each either to be served or skipped
 * with the reason (absence notice, marked absent, not due that weekday, discharged), plus whether
 * the unit is closed and which trips of the day need the bus. Pure: routes, people, notices,
 * marks and the day are parameters, so the driver's phone computes it offline.
 */
import { unitClosedReason, type ClosedReason } from '../calendar';
import type { Day } from '../primitives';
import type { AbsenceNotice } from '../entities/absence-notice';
import type { Activity } from '../entities/activity';
import type { DayMark } from '../entities/attendance';
import type { Participant } from '../entities/participant';
import type { Route, RouteStop } from '../entities/route';
import type { Unit } from '../entities/unit';
import { isExpectedOn, noticeCovers } from './expected';

export type SkipReason = 'notice' | 'markedAbsent' | 'notDue' | 'inactive';

export interface PickupStop {
  stop: RouteStop;
  participant: Participant;
  /** The address to drive to: the stop's own pickup address, else the person's home. */
  address: string;
  /** Null: pick up (or drop off); otherwise why not today. */
  skip: SkipReason | null;
  /** The notice that explains a skip, for "hospital until Friday". */
  notice: AbsenceNotice | null;
}

export interface PickupList {
  route: Route;
  day: Day;
  closed: ClosedReason | null;
  stops: PickupStop[];
  /** Served stops, for the count on the driver's screen. */
  toServe: number;
  /** Wheelchair users among the served stops (the vehicle's wheelchair places). */
  wheelchairs: number;
  /** One-off activities of the day that need the bus (trips, outings). */
  trips: Activity[];
}

function homeAddress(p: Participant): string {
  const a = p.address;
  const town = [a.postalCode, a.city].filter((s) => s.trim() !== '').join(' ');
  return [a.street, town].filter((s) => s.trim() !== '').join(', ');
}

function skipOf(p: Participant | undefined, day: Day, notices: readonly AbsenceNotice[], marks: ReadonlyMap<string, DayMark>): { skip: SkipReason | null; notice: AbsenceNotice | null } {
  if (!p || p.deleted || p.status !== 'active' || (p.dischargeDate !== null && p.dischargeDate < day)) return { skip: 'inactive', notice: null };
  const notice = notices.find((n) => n.participantId === p.id && noticeCovers(n, day)) ?? null;
  if (notice) return { skip: 'notice', notice };
  const mark = marks.get(p.id);
  if (mark && mark.status !== 'present') return { skip: 'markedAbsent', notice: null };
  if (!isExpectedOn(p, day)) return { skip: 'notDue', notice: null };
  return { skip: null, notice: null };
}

export function pickupList(
  route: Route, stops: readonly RouteStop[], participants: readonly Participant[], unit: Pick<Unit, 'openingHours' | 'closedDays'>,
  notices: readonly AbsenceNotice[], marks: readonly DayMark[], activities: readonly Activity[], day: Day,
): PickupList {
  const closed = unitClosedReason(unit, day);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const dayMarks = new Map(marks.filter((m) => m.day === day && !m.deleted).map((m) => [m.participantId, m]));
  const ordered = stops.filter((s) => s.routeId === route.id && !s.deleted).sort((a, b) => a.position - b.position || a.plannedTime.localeCompare(b.plannedTime));
  const out: PickupStop[] = [];
  for (const stop of ordered) {
    const participant = byId.get(stop.participantId);
    if (!participant) continue;
    const { skip, notice } = closed ? { skip: 'notDue' as const, notice: null } : skipOf(participant, day, notices, dayMarks);
    out.push({ stop, participant, address: stop.pickupAddress.trim() || homeAddress(participant), skip, notice });
  }
  const served = out.filter((s) => s.skip === null);
  return {
    route, day, closed, stops: out,
    toServe: served.length,
    wheelchairs: served.filter((s) => s.participant.transport.mobilityAid === 'wheelchair').length,
    trips: activities.filter((a) => a.kind === 'oneOff' && !a.deleted && a.day === day && a.needsBus && a.unitId === route.unitId),
  };
}
