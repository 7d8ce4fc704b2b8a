/** Route (kurs, trasa): a bus run with ordered stops. Stops are their own records so reordering syncs per stop. */
import * as v from 'valibot';
import { IdSchema, NameSchema, TimeSchema } from '../primitives';
import { syncMetaEntries } from './meta';

export const ROUTE_DIRECTIONS = ['toCentre', 'home'] as const;

export const RouteSchema = v.object({
  ...syncMetaEntries,
  unitId: IdSchema,
  name: NameSchema,
  direction: v.picklist(ROUTE_DIRECTIONS),
  vehicleName: v.pipe(v.string(), v.maxLength(100)),
  seats: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  wheelchairPlaces: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20)),
  driverStaffId: v.nullable(IdSchema),
  departureTime: TimeSchema,
});
export type Route = v.InferOutput<typeof RouteSchema>;

export const RouteStopSchema = v.object({
  ...syncMetaEntries,
  routeId: IdSchema,
  unitId: IdSchema,
  participantId: IdSchema,
  /** Sort key; fractional values let one stop move without rewriting the others. */
  position: v.number(),
  /** Pickup address when it differs from the participant's home address (empty: home). */
  pickupAddress: v.pipe(v.string(), v.maxLength(200)),
  plannedTime: TimeSchema,
});
export type RouteStop = v.InferOutput<typeof RouteStopSchema>;
