/**
 * Editing the bus runs (coordinators, administrators): a route and its ordered stops are saved
 * together in one transaction through the single write path. Each stop is its own synced record;
 * the new order is written as the fewest sort-key changes (planPositions), so reordering on one
 * device and editing another stop's time on another merge field by field.
 */
import { uuidv7 } from 'uuidv7';
import { planPositions, type Route, type RouteStop } from '../../domain';
import type { Change } from '../storage/write';
import { saveComputed } from './actions';
import { runtime } from './runtime';
import type { AppError } from './types';

/** The editable fields of a route. */
export type RouteFields = Pick<Route, 'unitId' | 'name' | 'direction' | 'vehicleName' | 'seats' | 'wheelchairPlaces' | 'driverStaffId' | 'departureTime'>;

/** A stop as the editor holds it: `id` null until it is saved. */
export interface StopDraft { id: string | null; participantId: string; pickupAddress: string; plannedTime: string }

/** A route being edited: `id` null for a new one; stops in the order the driver drives them. */
export interface RouteDraft extends RouteFields { id: string | null; stops: StopDraft[] }

/** The route's id and its stops' ids in order (new stops get theirs here): the editor keeps them for the next save. */
export type SaveRouteResult = { ok: true; id: string; stopIds: string[] } | { ok: false; error: AppError };

/** The changes that store `draft` over the stored stops of its route (pure given the stored stops), and the stops' ids. */
export function routeChanges(routeId: string, draft: RouteDraft, stored: readonly RouteStop[]): { changes: Change[]; stopIds: string[] } {
  const alive = new Map(stored.filter((s) => !s.deleted).map((s) => [s.id, s]));
  const stopIds = draft.stops.map((s) => (s.id && alive.has(s.id) ? s.id : uuidv7()));
  const positions = planPositions(stopIds.map((id) => alive.get(id)?.position ?? null));
  const { id: _id, stops: _stops, ...fields } = draft;
  const changes: Change[] = [{ entity: 'routes', id: routeId, patch: { ...fields, name: fields.name.trim(), vehicleName: fields.vehicleName.trim() } }];
  draft.stops.forEach((s, i) => {
    changes.push({
      entity: 'routeStops', id: stopIds[i]!,
      patch: { routeId, unitId: draft.unitId, participantId: s.participantId, pickupAddress: s.pickupAddress.trim(), plannedTime: s.plannedTime, position: positions[i]! },
    });
  });
  const kept = new Set(stopIds);
  for (const id of alive.keys()) if (!kept.has(id)) changes.push({ entity: 'routeStops', id, delete: true });
  return { changes, stopIds };
}

function storedStops(routeId: string): Promise<RouteStop[]> {
  return runtime.db.value?.entity('routeStops').where('routeId').equals(routeId).toArray() ?? Promise.resolve([]);
}

/** Saves a route with its stops (new, changed, reordered, removed) in one transaction. */
export async function saveRoute(draft: RouteDraft): Promise<SaveRouteResult> {
  const routeId = draft.id ?? uuidv7();
  const saved = await saveComputed(['routes', 'routeStops'], async () => {
    const { changes, stopIds } = routeChanges(routeId, draft, await storedStops(routeId));
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
