/**
 * Who may write what. Which entities each role writes is the shared policy of the domain
 * (domain/rules/permissions.ts, which the screens read too): the kitchen reads only, drivers
 * write only their marks at the stops, therapists attendance, notices, studio logs, the
 * register and meal orders, coordinators everything of their units, administrators everything
 * in their organization. Unit membership is checked here, before and after the change, so a
 * record can be neither edited in nor moved into a unit outside the caller's.
 */
import { mayEraseParticipant, mayWrite, mayWriteAny, type EntityName } from '../../domain';

export interface Caller { roles: readonly string[]; unitIds: readonly string[] }

/** True when the caller may push changes at all (the kitchen may not: the whole push is refused). */
export function canPush(caller: Caller): boolean {
  return mayWriteAny(caller.roles);
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
