/**
 * What each device may pull: the server-side privacy filter. Administrators see their whole
 * organization; coordinators and therapists see the records of their units; a driver's device
 * receives only what the pickup list needs (names, addresses, phones, mobility aids, the note for
 * the driver, routes and the dates of absence notices — no health data, no PESEL, no
 * certificates); the kitchen receives names, diets and allergies, the dates of notices and the
 * day's present marks. A user with several roles gets the union.
 *
 * Records outside the caller's units, of an entity the caller may see, are sent as bare
 * tombstones `{ id }` (deleted: true): a record moved to another unit disappears from devices
 * that had it, and the tombstone carries nothing but the random id.
 */
import type { EntityName } from '../../domain';
import type { PulledChange } from '../../protocol';

/** Per entity: null = every field, a list = only those fields; absent = not visible at all. */
export type FieldScope = Partial<Record<EntityName, readonly string[] | null>>;

export interface PullScope {
  all: boolean;
  units: ReadonlySet<string>;
  fields: FieldScope;
}

const META = ['id', 'organizationId', 'hlc', 'changedBy', 'deleted'] as const;
const ALL_ENTITIES: EntityName[] = [
  'organizations', 'units', 'rooms', 'staff', 'participants', 'activities', 'sessions', 'dayMarks', 'sessionMarks',
  'absenceNotices', 'routes', 'routeStops', 'mealOrders', 'transportEvents',
];
const PERSON_BASE = [...META, 'unitId', 'firstName', 'lastName', 'status', 'attendanceWeekdays', 'admissionDate', 'dischargeDate'];

/** The fields a driver's device receives. */
export const DRIVER_SCOPE: FieldScope = {
  organizations: null,
  units: null,
  staff: [...META, 'firstName', 'lastName', 'role', 'unitIds', 'phone', 'active'],
  participants: [...PERSON_BASE, 'phone', 'address', 'transport'],
  absenceNotices: [...META, 'participantId', 'unitId', 'fromDay', 'toDay'],
  activities: null,
  routes: null,
  routeStops: null,
  transportEvents: null,
};

/** The fields the kitchen receives. */
export const KITCHEN_SCOPE: FieldScope = {
  organizations: null,
  units: null,
  participants: [...PERSON_BASE, 'diet', 'allergies'],
  absenceNotices: [...META, 'participantId', 'unitId', 'fromDay', 'toDay'],
  dayMarks: [...META, 'participantId', 'unitId', 'day', 'status'],
  activities: null,
  mealOrders: null,
};

const FULL_SCOPE: FieldScope = Object.fromEntries(ALL_ENTITIES.map((e) => [e, null]));

function union(a: FieldScope, b: FieldScope): FieldScope {
  const out: FieldScope = { ...a };
  for (const [entity, fields] of Object.entries(b) as [EntityName, readonly string[] | null][]) {
    const have = out[entity];
    if (have === null || fields === null) out[entity] = null;
    else out[entity] = have === undefined ? fields : [...new Set([...have, ...fields])];
  }
  return out;
}

/** The scope of a caller from their roles and units. */
export function scopeFor(caller: { roles: readonly string[]; unitIds: readonly string[] }): PullScope {
  const roles = new Set(caller.roles);
  let fields: FieldScope = {};
  if (roles.has('coordinator') || roles.has('therapist') || roles.has('administrator')) fields = FULL_SCOPE;
  if (roles.has('driver')) fields = union(fields, DRIVER_SCOPE);
  if (roles.has('kitchen')) fields = union(fields, KITCHEN_SCOPE);
  return { all: roles.has('administrator'), units: new Set(caller.unitIds), fields };
}

/** The units a stored record belongs to (null: organization-wide). */
function unitsOf(entity: EntityName, data: Record<string, unknown>): string[] | null {
  if (entity === 'organizations') return null;
  if (entity === 'units') return [String(data.id)];
  if (entity === 'staff') return Array.isArray(data.unitIds) ? data.unitIds.map(String) : [];
  return typeof data.unitId === 'string' ? [data.unitId] : [];
}

function project(data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (Object.prototype.hasOwnProperty.call(data, f)) out[f] = data[f];
  return out;
}

/**
 * The change as this caller may receive it: whole, projected to the allowed fields (marked
 * `partial`), a bare tombstone when the record is outside the caller's units, or null when the
 * caller never sees that kind of record.
 */
export function scopeChange(scope: PullScope, change: PulledChange): PulledChange | null {
  const fields = scope.fields[change.entity];
  if (fields === undefined) return null;
  if (!scope.all) {
    const units = unitsOf(change.entity, change.data);
    if (units !== null && !units.some((u) => scope.units.has(u))) {
      return { seq: change.seq, entity: change.entity, recordId: change.recordId, deleted: true, data: { id: change.recordId } };
    }
  }
  if (fields === null) return change;
  return { ...change, data: project(change.data, fields), partial: true };
}
