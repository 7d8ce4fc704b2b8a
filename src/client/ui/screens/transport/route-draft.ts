/**
 * The route editor's working copy and the pure helpers around it: a draft from a stored route, a
 * new empty one, the people that may be added, the drivers to choose from, and the form checks.
 * Kept out of the components so they only render and call these.
 */
import { comparePeople, type Participant, type RouteStop, type StaffMember } from '../../../../domain';
import type { RouteWithStops } from '../../../state';
import type { RouteDraft, StopDraft } from '../../../state/transport';

/** A stop in the editor: `key` stays the same while the stop moves (new stops have no id yet). */
export interface EditorStop extends StopDraft { key: string }

export interface EditorDraft extends Omit<RouteDraft, 'stops' | 'seats' | 'wheelchairPlaces'> {
  stops: EditorStop[];
  /** As typed (checked on save). */
  seats: string;
  wheelchairPlaces: string;
}

let nextKey = 0;
/** A key for a stop added in the editor. */
export function newStopKey(): string {
  nextKey += 1;
  return `new-${nextKey}`;
}

function editorStop(s: RouteStop): EditorStop {
  return { key: s.id, id: s.id, participantId: s.participantId, pickupAddress: s.pickupAddress, plannedTime: s.plannedTime };
}

export function draftOf({ route, stops }: RouteWithStops): EditorDraft {
  return {
    id: route.id, unitId: route.unitId, name: route.name, direction: route.direction, vehicleName: route.vehicleName,
    seats: String(route.seats), wheelchairPlaces: String(route.wheelchairPlaces), driverStaffId: route.driverStaffId,
    departureTime: route.departureTime, stops: stops.map(editorStop),
  };
}

export function emptyDraft(unitId: string): EditorDraft {
  return {
    id: null, unitId, name: '', direction: 'toCentre', vehicleName: '', seats: '8', wheelchairPlaces: '0',
    driverStaffId: null, departureTime: '07:00', stops: [],
  };
}

/** Active participants not yet on the route: people who need transport first, then by name. */
export function addableParticipants(participants: readonly Participant[], stops: readonly EditorStop[]): Participant[] {
  const on = new Set(stops.map((s) => s.participantId));
  return participants
    .filter((p) => !p.deleted && p.status === 'active' && !on.has(p.id))
    .sort((a, b) => Number(b.transport.needsTransport) - Number(a.transport.needsTransport) || comparePeople(a, b));
}

/** The unit's drivers (active staff with the driver role), in name order. */
export function driverOptions(staff: readonly StaffMember[]): StaffMember[] {
  return staff.filter((s) => s.role === 'driver' && s.active && !s.deleted).sort(comparePeople);
}

/** The planned time of a stop added at the end: the last stop's time, else the departure. */
export function nextPlannedTime(draft: EditorDraft): string {
  return draft.stops.at(-1)?.plannedTime ?? draft.departureTime;
}

export type DraftErrors = Partial<Record<'name' | 'seats' | 'wheelchairPlaces' | 'departureTime' | 'stops', 'required' | 'number' | 'time'>>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

/** Limits of the vehicle fields (the schema's). */
export const SEATS = { min: 1, max: 100 } as const;
export const WHEELCHAIRS = { min: 0, max: 20 } as const;

/** The draft as the state layer saves it, or the fields to fix. */
export function checkDraft(draft: EditorDraft): { ok: true; value: RouteDraft } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const seats = wholeNumber(draft.seats, SEATS.min, SEATS.max);
  const wheelchairPlaces = wholeNumber(draft.wheelchairPlaces, WHEELCHAIRS.min, WHEELCHAIRS.max);
  if (draft.name.trim() === '') errors.name = 'required';
  if (seats === null) errors.seats = 'number';
  if (wheelchairPlaces === null) errors.wheelchairPlaces = 'number';
  if (!TIME.test(draft.departureTime)) errors.departureTime = 'time';
  if (draft.stops.some((st) => !TIME.test(st.plannedTime))) errors.stops = 'time';
  if (seats === null || wheelchairPlaces === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { ...draft, seats, wheelchairPlaces, stops: draft.stops.map(({ key: _key, ...s }) => s) } };
}

/** Seats and wheelchair places as numbers for the live capacity check (0 while a field is not a number yet). */
export function vehicleOf(draft: EditorDraft): { seats: number; wheelchairPlaces: number } {
  return { seats: wholeNumber(draft.seats, 0, SEATS.max) ?? 0, wheelchairPlaces: wholeNumber(draft.wheelchairPlaces, 0, WHEELCHAIRS.max) ?? 0 };
}
