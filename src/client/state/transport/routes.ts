/**
 * Editing the bus runs (coordinators, administrators): a route and its ordered stops are saved
 * together in one transaction through the single write path. Each stop is its own synced record;
 * the new order is written as the fewest sort-key changes (planPositions), so reordering on one
 * device and editing another stop's time on another merge field by field.
 */
import { uuidv7 } from 'uuidv7';
import { planPositions, type Route, type RouteStop } from '../../../domain';
import type { Change } from '../../storage/write';
import { saveComputed } from '../actions';
import { runtime } from '../runtime';
import type { AppError } from '../types';

/** The editable fields of a route. */
export type RouteFields = Pick<Route, 'unitId' | 'name' | 'direction' | 'vehicleName' | 'seats' | 'wheelchairPlaces' | 'driverStaffId' | 'departureTime'>;

/** A stop as the editor holds it: `id` null until it is saved. */
export interface StopDraft { id: string | null; participantId: string; pickupAddress: string; plannedTime: string }

/** A route being edited: `id` null for a new one; stops in the order the driver drives them. */
export interface RouteDraft extends RouteFields { id: string | null; stops: StopDraft[] }

/** The route's id and its stops' ids in order (new stops get theirs here): the editor keeps them for the next save. */
export type SaveRouteResult = { ok: true; id: string; stopIds: string[] } | { ok: false; error: AppError };

const ROUTE_FIELDS = ['unitId', 'name', 'direction', 'vehicleName', 'seats', 'wheelchairPlaces', 'driverStaffId', 'departureTime'] as const;

const tidyRoute = (d: RouteDraft): RouteFields => ({ ...pick(d, ROUTE_FIELDS), name: d.name.trim(), vehicleName: d.vehicleName.trim() });
const tidyStop = (s: StopDraft) => ({ participantId: s.participantId, pickupAddress: s.pickupAddress.trim(), plannedTime: s.plannedTime });

function pick<T, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}

/** The fields of `next` that differ from `before` (all of them without a `before`). */
function changed<T extends object>(next: T, before: T | undefined): Partial<T> {
  if (!before) return next;
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => before[k as keyof T] !== v)) as Partial<T>;
}

/**
 * The changes that store `draft`, edited from `baseline` (the route as the editor loaded or last
 * saved it; null for a new route), over the stops stored now (pure given both), and the stops' ids.
 * Only what the user changed is written, so an edit made meanwhile on another device to another
 * field or stop is kept: a stop added elsewhere stays, a stop removed elsewhere is not brought back.
 */
export function routeChanges(routeId: string, draft: RouteDraft, stored: readonly RouteStop[], baseline: RouteDraft | null): { changes: Change[]; stopIds: string[] } {
  const alive = new Map(stored.filter((s) => !s.deleted).map((s) => [s.id, s]));
  const gone = new Set(stored.filter((s) => s.deleted).map((s) => s.id));
  const known = new Map((baseline?.stops ?? []).filter((s): s is StopDraft & { id: string } => s.id !== null).map((s) => [s.id, s]));
  const stopIds = draft.stops.map((s) => s.id ?? uuidv7());
  const positions = planPositions(stopIds.map((id) => alive.get(id)?.position ?? null));
  const routePatch = changed(tidyRoute(draft), baseline ? tidyRoute(baseline) : undefined);
  const changes: Change[] = Object.keys(routePatch).length > 0 || !baseline ? [{ entity: 'routes', id: routeId, patch: routePatch }] : [];
  draft.stops.forEach((s, i) => {
    const id = stopIds[i]!;
    if (gone.has(id)) return;
    const storedStop = alive.get(id);
    const base = known.get(id);
    const fields = changed(tidyStop(s), storedStop && base ? tidyStop(base) : undefined);
    const position = storedStop?.position === positions[i] ? {} : { position: positions[i]! };
    const patch = storedStop ? { ...fields, ...position } : { routeId, unitId: draft.unitId, ...tidyStop(s), position: positions[i]! };
    if (Object.keys(patch).length > 0) changes.push({ entity: 'routeStops', id, patch });
  });
  const kept = new Set(stopIds);
  for (const id of known.keys()) if (!kept.has(id) && alive.has(id)) changes.push({ entity: 'routeStops', id, delete: true });
  return { changes, stopIds };
}

function storedStops(routeId: string): Promise<RouteStop[]> {
  return runtime.db.value?.entity('routeStops').where('routeId').equals(routeId).toArray() ?? Promise.resolve([]);
}

/**
 * Saves a route with its stops (new, changed, reordered, removed) in one transaction. `baseline`
 * is the route as the editor loaded (or last saved) it, null for a new one: only changes from it
 * are written.
 */
export async function saveRoute(draft: RouteDraft, baseline: RouteDraft | null): Promise<SaveRouteResult> {
  const routeId = draft.id ?? uuidv7();
  const saved = await saveComputed(['routes', 'routeStops'], async () => {
    const { changes, stopIds } = routeChanges(routeId, draft, await storedStops(routeId), baseline);
    return { changes, result: stopIds };
  });
  return saved.ok ? { ok: true, id: routeId, stopIds: saved.result } : saved;
}

/** Deletes a route and its stops (tombstones, so every device drops them). */
export async function deleteRoute(routeId: string): Promise<{ ok: true } | { ok: false; error: AppError }> {
  const saved = await saveComputed(['routes', 'routeStops'], async () => {
    const stops = (await storedStops(routeId)).filter((s) => !s.deleted);
    const changes: Change[] = [{ entity: 'routes', id: routeId, delete: true }, ...stops.map((s): Change => ({ entity: 'routeStops', id: s.id, delete: true }))];
    return { changes, result: null };
  });
  return saved.ok ? { ok: true } : saved;
}
