/**
 * Who may write what: one table of role × entity. The server refuses every other write
 * (server/sync/access.ts, which also checks the units of each record), and the screens offer an
 * editor only to the roles that may save it, reading the same table, so the two cannot drift
 * apart. The lists follow what the screens offer each role:
 * - the administrator writes everything of the organization;
 * - the coordinator (head of a centre) everything of its units: the register, the plan, the bus
 *   runs and their stops, the units' settings, rooms and staff, attendance, notices and meals;
 * - the therapist ticks attendance (day and session marks), writes the studio log (sessions),
 *   takes absence notices, keeps the register (the form and the import are theirs too) and sends
 *   the lunch order; the plan and the bus runs are only shown to them;
 * - the driver marks the stops of the runs (transport events);
 * - the kitchen reads the meal counts and writes nothing.
 * Where a role writes only some fields of an entity (a therapist writes the studio log of a
 * session, never whether or when it takes place), WRITE_FIELDS lists them.
 */
import { ENTITY_NAMES, type EntityName } from '../entities/registry';
import type { Role } from '../entities/staff';

const EVERYTHING: readonly EntityName[] = ENTITY_NAMES;
/** Everything that belongs to units (the organization record is organization-wide). */
const OF_UNITS: readonly EntityName[] = ENTITY_NAMES.filter((e) => e !== 'organizations');

/** Per role, the entities its devices may write (within the caller's units, checked apart). */
export const WRITE_POLICY: Readonly<Record<Role, readonly EntityName[]>> = {
  administrator: EVERYTHING,
  coordinator: OF_UNITS,
  therapist: ['dayMarks', 'sessionMarks', 'sessions', 'absenceNotices', 'participants', 'mealOrders'],
  driver: ['transportEvents'],
  kitchen: [],
};

/**
 * Per role and entity, the only fields its devices may set, where the role does not write the
 * entity whole: a therapist writes the studio log (topic, notes) of a session, while the plan of
 * the session (cancelled, moved, the substitute) is the coordinator's. Other fields of the record
 * may appear in such a write only as create-only defaults (a mutation's `ifAbsent`), which the
 * server applies only where the field has never been set; the server refuses anything else.
 */
export const WRITE_FIELDS: Readonly<Partial<Record<Role, Partial<Record<EntityName, readonly string[]>>>>> = {
  therapist: { sessions: ['topic', 'notes'] },
};

function policyOf(role: string): readonly EntityName[] {
  return Object.prototype.hasOwnProperty.call(WRITE_POLICY, role) ? WRITE_POLICY[role as Role] : [];
}

/** True when one of `roles` may write records of `entity` (an unknown role writes nothing). */
export function mayWrite(roles: readonly string[], entity: EntityName): boolean {
  return roles.some((role) => policyOf(role).includes(entity));
}

/** True when one of `roles` may write anything at all (the kitchen's device only reads). */
export function mayWriteAny(roles: readonly string[]): boolean {
  return roles.some((role) => policyOf(role).length > 0);
}

/**
 * True when `roles` may erase a participant (a participant's tombstone): an administrator's act,
 * since it removes a person's data for good; coordinators and therapists discharge instead.
 */
export function mayEraseParticipant(roles: readonly string[]): boolean {
  return roles.includes('administrator');
}

/**
 * The fields of `entity` that `roles` may set: null for every field (some role of theirs writes the
 * entity whole, which wins over a limited one), else the union of the roles' field lists (empty
 * when none of the roles writes the entity).
 */
export function writableFields(roles: readonly string[], entity: EntityName): readonly string[] | null {
  const fields = new Set<string>();
  for (const role of roles) {
    if (!policyOf(role).includes(entity)) continue;
    const limited = WRITE_FIELDS[role as Role]?.[entity];
    if (limited === undefined) return null;
    for (const f of limited) fields.add(f);
  }
  return [...fields];
}
