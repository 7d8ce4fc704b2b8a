/**
 * Read hooks for the screens: live queries over the device database, returning
 * `{ data, isLoading, error }`. A hook given no unit (none chosen yet) returns an empty list.
 */
import { useMemo } from 'preact/hooks';
import { timeInTimeZone, type Activity, type Organization, type Participant, type Room, type StaffMember, type Time, type Unit } from '../../domain';
import {
  getOrganization, listActivities, listParticipants, listRooms, listRoutes, listStaff, listUnits, readDayData,
  type RouteWithStops,
} from '../storage/queries';
import { setMeta } from '../storage/meta';
import { useLiveQuery } from './live-query';
import { correctedNowMs, runtime } from './runtime';
import { buildTodayOverview } from './today';
import type { QueryResult, TodayOverview } from './types';

export function useOrganization(): QueryResult<Organization | null> {
  return useLiveQuery((db) => getOrganization(db), []);
}

export function useUnits(): QueryResult<Unit[]> {
  return useLiveQuery((db) => listUnits(db), []);
}

export interface CurrentUnit {
  unit: Unit | null;
  units: Unit[];
  isLoading: boolean;
  select: (unitId: string) => void;
}

/** Chooses the unit the screens show; remembered on the device. */
export function selectUnit(unitId: string): void {
  runtime.currentUnitId.value = unitId;
  const db = runtime.db.value;
  if (db) void setMeta(db, 'currentUnitId', unitId).catch(() => undefined);
}

/** The chosen unit (until the user picks one: the first of the user's own units, in name order) and the choices. */
export function useCurrentUnit(): CurrentUnit {
  const units = useUnits();
  const chosen = runtime.currentUnitId.value;
  const list = units.data ?? [];
  const own = new Set(runtime.session.value.data?.unitIds ?? []);
  const unit = list.find((u) => u.id === chosen) ?? list.find((u) => own.has(u.id)) ?? list[0] ?? null;
  return { unit, units: list, isLoading: units.isLoading, select: selectUnit };
}

export function useRooms(unitId: string | null): QueryResult<Room[]> {
  return useLiveQuery(unitId ? (db) => listRooms(db, unitId) : null, [unitId], []);
}

export function useStaff(unitId: string | null = null): QueryResult<StaffMember[]> {
  return useLiveQuery((db) => listStaff(db, unitId), [unitId]);
}

export function useParticipants(unitId: string | null): QueryResult<Participant[]> {
  return useLiveQuery(unitId ? (db) => listParticipants(db, unitId) : null, [unitId], []);
}

export function useActivities(unitId: string | null): QueryResult<Activity[]> {
  return useLiveQuery(unitId ? (db) => listActivities(db, unitId) : null, [unitId], []);
}

export function useRoutes(unitId: string | null): QueryResult<RouteWithStops[]> {
  return useLiveQuery(unitId ? (db) => listRoutes(db, unitId) : null, [unitId], []);
}

/** The Today overview of a unit and day (loading while no unit is chosen). */
export function useTodayOverview(unitId: string | null, day: string): QueryResult<TodayOverview> {
  const raw = useLiveQuery(unitId ? (db) => readDayData(db, unitId, day) : null, [unitId, day]);
  return useMemo<QueryResult<TodayOverview>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    if (raw.data === null) return { data: undefined, isLoading: false, error: { code: 'unknown' } };
    return { data: buildTodayOverview(raw.data, day), isLoading: false, error: null };
  }, [raw, day]);
}

/** Today's date on this device ('yyyy-MM-dd'), updated when the day changes. */
export function useToday(): string {
  return runtime.today.value;
}

/** The wall-clock time on this device now ('HH:mm'), for the "now" buttons. */
export function currentTime(): Time {
  return timeInTimeZone(correctedNowMs(), runtime.config.timeZone);
}
