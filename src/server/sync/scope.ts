/**
 * What each device may pull: the server-side privacy filter. Administrators see their whole
 * organization; coordinators and therapists see the organization, their units and the records of
 * their units; a driver's device receives only what the pickup list needs (names, addresses,
 * phones, contacts' phones, mobility aids, the note for the driver, routes, the dates of absence
 * notices and the status of day marks — no health data, no PESEL, no certificates); the kitchen
 * receives names, diets and allergies, the dates of notices and the status of day marks. A user
 * with several roles gets the union.
 *
 * Two halves: `pullFilter` says which rows a pull returns (applied in SQL by the store, so rows
 * the caller may not see never leave the database), `shapeChange` cuts each returned record down
 * to the fields the caller's role receives (before any JSON is built).
 *
 * A record that left the caller's units (a participant moved to another unit) comes back as a
 * revocation: `{ id }` with deleted and revoked true, so the device drops its copy. See
 * `PullFilter.revocations` for when one is sent.
 */
import type { EntityName } from '../../domain';
import type { PulledChange } from '../../protocol';
import type { PullFilter } from '../store/store';
import { recordUnits } from './access';

/** A field the caller receives: its name, or [name, subfields] to send only some fields of an object or of a list of objects. */
export type FieldSpec = string | readonly [string, readonly string[]];

/** Per entity: null = every field, a list = only those fields; absent = not visible at all. */
export type FieldScope = Partial<Record<EntityName, readonly FieldSpec[] | null>>;

export interface PullScope {
  /** Every unit of the organization (administrators). */
  all: boolean;
  units: ReadonlySet<string>;
  fields: FieldScope;
}

const META = ['id', 'organizationId', 'hlc', 'changedBy', 'deleted'] as const;
const ALL_ENTITIES: EntityName[] = [
  'organizations', 'units', 'rooms', 'staff', 'participants', 'activities', 'sessions', 'dayMarks', 'sessionMarks',
  'absenceNotices', 'routes', 'routeStops', 'mealOrders', 'transportEvents',
];
const PERSON_BASE = [...META, 'unitId', 'erasure', 'firstName', 'lastName', 'status', 'attendanceWeekdays', 'admissionDate', 'dischargeDate'];
/** Who is away and when, without the reason, the note or who called. */
const NOTICE_DATES = [...META, 'participantId', 'unitId', 'fromDay', 'toDay'];
/** Who came on a day, without the absence reason, the times or the note. */
const MARK_STATUS = [...META, 'participantId', 'unitId', 'day', 'status'];
/** The plan of a unit without the audience (who takes part in a class can hint at health). */
const CALENDAR = [
  ...META, 'unitId', 'title', 'category', 'roomId', 'staffIds', 'capacity', 'startTime', 'endTime',
  'kind', 'weekdays', 'validFrom', 'validTo', 'day', 'place', 'needsBus',
];

/** The fields a driver's device receives. Day marks: a person marked absent is skipped on the run home. */
export const DRIVER_SCOPE: FieldScope = {
  organizations: null,
  units: null,
  staff: [...META, 'firstName', 'lastName', 'role', 'unitIds', 'phone', 'active'],
  participants: [...PERSON_BASE, 'phone', 'address', 'transport', ['contacts', ['name', 'relation', 'phone']]],
  absenceNotices: NOTICE_DATES,
  dayMarks: MARK_STATUS,
  activities: CALENDAR,
  routes: null,
  routeStops: null,
  transportEvents: null,
};

/** The fields the kitchen receives. */
export const KITCHEN_SCOPE: FieldScope = {
  organizations: null,
  units: null,
  participants: [...PERSON_BASE, 'diet', 'allergies'],
  absenceNotices: NOTICE_DATES,
  dayMarks: MARK_STATUS,
  activities: CALENDAR,
  mealOrders: null,
};

const FULL_SCOPE: FieldScope = Object.fromEntries(ALL_ENTITIES.map((e) => [e, null]));

const specName = (spec: FieldSpec): string => (typeof spec === 'string' ? spec : spec[0]);

/** Two field lists together: a whole field wins over some of its subfields. */
function unionFields(a: readonly FieldSpec[], b: readonly FieldSpec[]): FieldSpec[] {
  const merged = new Map<string, FieldSpec>();
  for (const spec of [...a, ...b]) {
    const name = specName(spec);
    const have = merged.get(name);
    if (have === undefined) merged.set(name, spec);
    else if (typeof have === 'string' || typeof spec === 'string') merged.set(name, name);
    else merged.set(name, [name, [...new Set([...have[1], ...spec[1]])]]);
  }
  return [...merged.values()];
}

function union(a: FieldScope, b: FieldScope): FieldScope {
  const out: FieldScope = { ...a };
  for (const [entity, fields] of Object.entries(b) as [EntityName, readonly FieldSpec[] | null][]) {
    const have = out[entity];
    if (have === null || fields === null) out[entity] = null;
    else out[entity] = have === undefined ? fields : unionFields(have, fields);
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

/**
 * The rows a pull from `since` returns for this scope. Revocations are asked for only when the
 * device may hold records already (since > 0): an empty device has nothing to drop.
 */
export function pullFilter(scope: PullScope, since: number): PullFilter {
  const entities = (Object.keys(scope.fields) as EntityName[]).filter((e) => scope.fields[e] !== undefined);
  return { entities, units: scope.all ? null : [...scope.units], revocations: !scope.all && since > 0 };
}

function pick(value: unknown, fields: readonly string[]): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of fields) if (Object.prototype.hasOwnProperty.call(source, f)) out[f] = source[f];
  return out;
}

function project(data: Record<string, unknown>, fields: readonly FieldSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of fields) {
    const name = specName(spec);
    if (!Object.prototype.hasOwnProperty.call(data, name)) continue;
    const value = data[name];
    if (typeof spec === 'string') out[name] = value;
    else out[name] = Array.isArray(value) ? value.map((item) => pick(item, spec[1])) : pick(value, spec[1]);
  }
  return out;
}

/**
 * One record as this caller may see it: null when the caller may not see it at all (an entity
 * their roles never receive, or a record outside their units), else its data cut down to the
 * role's fields and whether that cut removed anything.
 */
export function scopeRecord(scope: PullScope, entity: EntityName, data: Record<string, unknown>): { data: Record<string, unknown>; partial: boolean } | null {
  const fields = scope.fields[entity];
  if (fields === undefined) return null;
  if (!scope.all) {
    const units = recordUnits(entity, data);
    if (units !== null && !units.some((u) => scope.units.has(u))) return null;
  }
  return fields === null ? { data, partial: false } : { data: project(data, fields), partial: true };
}

/**
 * A change the store returned for `pullFilter(scope)`, as the caller receives it: revocations as
 * they are, other records cut down to the role's fields and marked `partial` when cut. The rows
 * were chosen in SQL; the unit rule is checked here once more, and a change that fails it is
 * dropped (null) rather than sent.
 */
export function shapeChange(scope: PullScope, change: PulledChange): PulledChange | null {
  if (change.revoked) return change;
  const seen = scopeRecord(scope, change.entity, change.data);
  if (!seen) return null;
  return seen.partial ? { ...change, data: seen.data, partial: true } : change;
}
