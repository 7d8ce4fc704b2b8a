/** Today's pickup lists of a unit, live: a notice entered on another device shows after the next sync. */
import { useMemo } from 'preact/hooks';
import { pickupList, type PickupList } from '../../domain';
import { readPickupData } from '../storage/queries';
import { useLiveQuery } from './live-query';
import type { QueryResult } from './types';

export function usePickupLists(unitId: string | null, day: string): QueryResult<PickupList[]> {
  const raw = useLiveQuery(unitId ? (db) => readPickupData(db, unitId, day) : null, [unitId, day]);
  return useMemo<QueryResult<PickupList[]>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    if (raw.data === null) return { data: undefined, isLoading: false, error: { code: 'unknown' } };
    const { unit, routes, participants, notices, marks, activities } = raw.data;
    const lists = routes.map(({ route, stops }) => pickupList(route, stops, participants, unit, notices, marks, activities, day));
    return { data: lists, isLoading: false, error: null };
  }, [raw, day]);
}
