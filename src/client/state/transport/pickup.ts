/** Today's pickup lists of a unit, live: a notice entered on another device shows after the next sync. */
import { useMemo } from 'preact/hooks';
import { pickupList, transportEventId, type PickupList, type TransportEvent, type TransportEventKind } from '../../../domain';
import { listTransportEvents, readPickupData } from '../../storage/queries';
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
