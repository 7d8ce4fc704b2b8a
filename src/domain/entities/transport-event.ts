/**
 * Transport event (zdarzenie na trasie): what the driver marked at a stop on a day — picked up,
 * not at home, cancelled by phone, dropped off — with the time. One record per run, person and
 * day (deterministic id), so a second tap on the same stop updates it instead of duplicating.
 */
import * as v from 'valibot';
import { DaySchema, IdSchema, TimeSchema } from '../primitives';
import { syncMetaEntries } from './meta';

export const TRANSPORT_EVENT_KINDS = ['pickedUp', 'notHome', 'cancelled', 'droppedOff'] as const;
export type TransportEventKind = (typeof TRANSPORT_EVENT_KINDS)[number];

export const TransportEventSchema = v.object({
  ...syncMetaEntries,
  routeId: IdSchema,
  unitId: IdSchema,
  participantId: IdSchema,
  day: DaySchema,
  kind: v.picklist(TRANSPORT_EVENT_KINDS),
  time: TimeSchema,
});
export type TransportEvent = v.InferOutput<typeof TransportEventSchema>;

/** The id of the event of participant P on route R on day D. */
export function transportEventId(routeId: string, participantId: string, day: string): string {
  return `te:${routeId}:${participantId}:${day}`;
}
