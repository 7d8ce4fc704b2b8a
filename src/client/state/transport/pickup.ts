/** Today's pickup lists of a unit, live: a notice entered on another device shows after the next sync. */
import { useMemo } from 'preact/hooks';
import {
  dayMarkId, markContradictions, parseHlc, pickupList, timeInTimeZone, transportEventId,
  type MarkContradiction, type PickupList, type TransportEvent, type TransportEventKind,
} from '../../../domain';
import { listTransportEvents, readDriverMarks, readPickupData } from '../../storage/queries';
import { runtime } from '../runtime';
import { saveChanges } from '../actions';
import { currentTime } from '../data-hooks';
import { useLiveQuery } from '../live-query';
import type { ActionResult, QueryResult } from '../types';

/** A run's list with the driver's marks at its stops, by participant. */
export interface PickupListWithEvents extends PickupList { events: ReadonlyMap<string, TransportEvent> }

export function usePickupLists(unitId: string | null, day: string): QueryResult<PickupListWithEvents[]> {
  const raw = useLiveQuery(unitId ? (db) => readPickupData(db, unitId, day) : null, [unitId, day]);
  return useMemo<QueryResult<PickupListWithEvents[]>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    if (raw.data === null) return { data: undefined, isLoading: false, error: { code: 'unknown' } };
    const { unit, routes, participants, notices, marks, activities, events } = raw.data;
    const lists = routes.map(({ route, stops }) => ({
      ...pickupList(route, stops, participants, unit, notices, marks, activities, day),
      events: new Map(events.filter((e) => e.routeId === route.id).map((e) => [e.participantId, e])),
    }));
    return { data: lists, isLoading: false, error: null };
  }, [raw, day]);
}

/** The driver marks a stop (picked up, not at home, cancelled by phone, dropped off) at the current time. */
export function markStop(routeId: string, unitId: string, participantId: string, day: string, kind: TransportEventKind): Promise<ActionResult> {
  return saveChanges([{ entity: 'transportEvents', id: transportEventId(routeId, participantId, day), patch: { routeId, unitId, participantId, day, kind, time: currentTime() } }]);
}

/** "Not at home" marks of a unit's day, for the coordinator's Today screen. */
export function useNotHome(unitId: string | null, day: string): QueryResult<TransportEvent[]> {
  return useLiveQuery(unitId ? async (db) => (await listTransportEvents(db, unitId, day)).filter((e) => e.kind === 'notHome') : null, [unitId, day], []);
}

/** A contradiction with what the screens show of its two sources: the run's name and the time the day mark was last set. */
export interface ShownContradiction extends MarkContradiction { routeName: string | null; markedAt: string }

/**
 * Contradictions between the driver's marks and the day marks of a unit's day (issue 13), for
 * Today and the attendance list: what someone has to decide. Live: a driver's mark pulled from
 * the server shows at once.
 */
export function useMarkContradictions(unitId: string | null, day: string): QueryResult<ShownContradiction[]> {
  const raw = useLiveQuery(unitId ? (db) => readDriverMarks(db, unitId, day) : null, [unitId, day]);
  return useMemo<QueryResult<ShownContradiction[]>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    const { marks, events, routeNames } = raw.data;
    const data = markContradictions(marks, events, day).map((c) => ({
      ...c, routeName: routeNames.get(c.event.routeId) ?? null,
      markedAt: timeInTimeZone(parseHlc(c.mark.hlc).wall, runtime.config.timeZone),
    }));
    return { data, isLoading: false, error: null };
  }, [raw, day]);
}

/**
 * Decides a contradiction by keeping the day mark as it is: records the stamp of the driver's mark
 * it was kept against, so the question is not asked again unless the driver marks anew. (Deciding
 * the other way is an ordinary mark: `markDay`.)
 */
export function keepDayMark(c: MarkContradiction): Promise<ActionResult> {
  return saveChanges([{ entity: 'dayMarks', id: dayMarkId(c.participantId, c.day), patch: { keptAgainst: c.event.hlc } }]);
}
