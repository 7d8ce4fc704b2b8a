/**
 * Who may write what: the kitchen reads only; drivers write only their marks at the stops;
 * coordinators and therapists write records of their own units; administrators write
 * everything in their organization. Unit membership is checked before and after the change,
 * so a record can be neither edited in nor moved into a unit outside the caller's.
 */
import type { EntityName } from '../../domain';

/** Roles that may push changes at all (drivers: only their marks at the stops). */
export const WRITER_ROLES = ['administrator', 'coordinator', 'therapist', 'driver'] as const;
/** Roles that write any record of their units. */
const FULL_WRITERS = ['administrator', 'coordinator', 'therapist'];
/** What a driver may write. */
const DRIVER_ENTITIES: readonly EntityName[] = ['transportEvents'];

export interface Caller { roles: readonly string[]; unitIds: readonly string[] }

/** True when the caller may push changes. */
export function canPush(caller: Caller): boolean {
  return caller.roles.some((r) => (WRITER_ROLES as readonly string[]).includes(r));
}

/**
 * The units a record belongs to, as far as access is concerned (null: organization-wide). The
 * pull query in store/sql-store.ts applies the same rule in SQL; a contract test keeps them equal.
 */
export function recordUnits(entity: EntityName, data: Record<string, unknown>): string[] | null {
  if (entity === 'organizations') return null;
  if (entity === 'units') return typeof data.id === 'string' ? [data.id] : [];
  if (entity === 'staff') return Array.isArray(data.unitIds) ? data.unitIds.filter((u): u is string => typeof u === 'string') : [];
  return typeof data.unitId === 'string' ? [data.unitId] : [];
}

/** True when the caller may change the record from `before` (null: new) to `after`. */
export function mayWriteRecord(caller: Caller, entity: EntityName, before: Record<string, unknown> | null, after: Record<string, unknown>): boolean {
  if (caller.roles.includes('administrator')) return true;
  if (!canPush(caller)) return false;
  if (!caller.roles.some((r) => FULL_WRITERS.includes(r)) && !DRIVER_ENTITIES.includes(entity)) return false;
  // Erasing a person (a participant's tombstone) is an administrator's act; others discharge.
  if (entity === 'participants' && after.deleted === true && before?.deleted !== true) return false;
  const own = new Set(caller.unitIds);
  for (const data of before ? [before, after] : [after]) {
    const units = recordUnits(entity, data);
    if (units === null || units.length === 0) return false;
    if (!units.every((u) => own.has(u))) return false;
  }
  return true;
}
