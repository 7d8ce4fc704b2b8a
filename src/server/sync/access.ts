/**
 * Who may write what. Which entities each role writes is the shared policy of the domain
 * (domain/rules/permissions.ts, which the screens read too): the kitchen reads only, drivers
 * write only their marks at the stops, therapists attendance, notices, studio logs, the
 * register and meal orders, coordinators everything of their units, administrators everything
 * in their organization. Unit membership is checked here, before and after the change, so a
 * record can be neither edited in nor moved into a unit outside the caller's. Where the policy
 * limits a role to some fields of an entity (a therapist writes a session's studio log, not its
 * status), the other fields may come only as create-only defaults that will not overwrite anything.
 */
import { defaultFillsStored, mayEraseParticipant, mayWrite, mayWriteAny, SYNC_META_FIELDS, writableFields, type EntityName } from '../../domain';

const META = new Set<string>(SYNC_META_FIELDS);

export interface Caller { roles: readonly string[]; unitIds: readonly string[] }

/** True when the caller may push changes at all (the kitchen may not: the whole push is refused). */
export function canPush(caller: Caller): boolean {
  return mayWriteAny(caller.roles);
}

/** The entities whose units are not their `unitId` field: the organization, a unit, a staff member. */
export const UNITS_NOT_BY_FIELD: ReadonlySet<EntityName> = new Set<EntityName>(['organizations', 'units', 'staff']);

/**
 * The units a record belongs to, as far as access is concerned (null: organization-wide). The
 * pull query in store/sql-pull.ts applies the same rule in SQL; a contract test keeps them equal.
 */
export function recordUnits(entity: EntityName, data: Record<string, unknown>): string[] | null {
  if (!UNITS_NOT_BY_FIELD.has(entity)) return typeof data.unitId === 'string' ? [data.unitId] : [];
  if (entity === 'organizations') return null;
  if (entity === 'units') return typeof data.id === 'string' ? [data.id] : [];
  return Array.isArray(data.unitIds) ? data.unitIds.filter((u): u is string => typeof u === 'string') : [];
}

/** True when the caller may change the record from `before` (null: new) to `after`. */
export function mayWriteRecord(caller: Caller, entity: EntityName, before: Record<string, unknown> | null, after: Record<string, unknown>): boolean {
  if (!mayWrite(caller.roles, entity)) return false;
  if (caller.roles.includes('administrator')) return true;
  // Erasing a person (a participant's tombstone) is an administrator's act; others discharge.
  if (entity === 'participants' && after.deleted === true && before?.deleted !== true && !mayEraseParticipant(caller.roles)) return false;
  const own = new Set(caller.unitIds);
  for (const data of before ? [before, after] : [after]) {
    const units = recordUnits(entity, data);
    if (units === null || units.length === 0) return false;
    if (!units.every((u) => own.has(u))) return false;
  }
  return true;
}

/** What of a mutation the field limits look at. */
export interface FieldWrite { patch: Record<string, unknown>; ifAbsent?: readonly string[] | undefined; deleted: boolean }

/**
 * True when the mutation sets only fields the caller's roles may write (WRITE_FIELDS). A field
 * outside them is allowed only as a create-only default (`ifAbsent`) that sets nothing the server
 * already has: the record is new, or the field is already stamped (the default is then skipped).
 * A limited writer neither deletes a record nor brings a deleted one back. `existing` is the
 * server's record (null: none yet).
 */
export function mayWriteFields(caller: Caller, entity: EntityName, m: FieldWrite, existing: { deleted: boolean; fieldHlc: Record<string, string> } | null): boolean {
  const allowed = writableFields(caller.roles, entity);
  if (allowed === null) return true;
  if (m.deleted || (existing !== null && existing.deleted)) return false;
  const createOnly = new Set(m.ifAbsent ?? []);
  for (const field of Object.keys(m.patch)) {
    if (META.has(field) || allowed.includes(field)) continue;
    if (!createOnly.has(field)) return false;
    if (defaultFillsStored(existing, field)) return false;
  }
  return true;
}
