import { describe, expect, it } from 'vitest';
import { ENTITY_NAMES, ROLES, WRITE_FIELDS, WRITE_POLICY, mayEraseParticipant, mayWrite, mayWriteAny, writableFields, type EntityName } from '../../../src/domain';

/** What each role may write, entity by entity, as the screens offer it (issue 4). */
const EXPECTED: Record<EntityName, string> = {
  //               administrator coordinator therapist driver kitchen
  organizations:  'A',
  units:          'AC',
  rooms:          'AC',
  staff:          'AC',
  participants:   'ACT',
  activities:     'AC',
  sessions:       'ACT',
  dayMarks:       'ACT',
  sessionMarks:   'ACT',
  absenceNotices: 'ACT',
  routes:         'AC',
  routeStops:     'AC',
  mealOrders:     'ACT',
  transportEvents: 'ACD',
};
const LETTER = { administrator: 'A', coordinator: 'C', therapist: 'T', driver: 'D', kitchen: 'K' } as const;

describe('WRITE-POLICY: one role × entity table for the server and the screens', () => {
  it.each(ENTITY_NAMES.flatMap((entity) => ROLES.map((role) => [entity, role] as const)))('%s by %s', (entity, role) => {
    expect(mayWrite([role], entity)).toBe(EXPECTED[entity].includes(LETTER[role]));
  });

  it('covers every role and only known entities', () => {
    expect(Object.keys(WRITE_POLICY).sort()).toEqual([...ROLES].sort());
    for (const list of Object.values(WRITE_POLICY)) for (const e of list) expect(ENTITY_NAMES).toContain(e);
  });

  it('a user with several roles writes the union; an unknown role or none writes nothing', () => {
    expect(mayWrite(['driver', 'therapist'], 'transportEvents')).toBe(true);
    expect(mayWrite(['driver', 'therapist'], 'dayMarks')).toBe(true);
    expect(mayWrite(['driver', 'therapist'], 'routes')).toBe(false);
    expect(mayWrite(['kitchen'], 'mealOrders')).toBe(false);
    expect(mayWrite(['superuser', 'constructor', '__proto__'], 'rooms')).toBe(false);
    expect(mayWrite([], 'dayMarks')).toBe(false);
  });

  it('the kitchen may not push at all; every other role may push something', () => {
    expect([['administrator'], ['coordinator'], ['therapist'], ['driver'], ['kitchen'], [], ['kitchen', 'driver']].map(mayWriteAny))
      .toEqual([true, true, true, true, false, false, true]);
  });

  it('WRITE-FIELDS: a therapist writes only the studio log of a session; a role writing the entity whole wins', () => {
    expect(writableFields(['therapist'], 'sessions')).toEqual(['topic', 'notes']);
    expect(writableFields(['therapist'], 'dayMarks')).toBeNull();
    expect(writableFields(['coordinator'], 'sessions')).toBeNull();
    expect(writableFields(['administrator'], 'sessions')).toBeNull();
    expect(writableFields(['therapist', 'coordinator'], 'sessions')).toBeNull();
    expect(writableFields(['driver', 'therapist'], 'sessions')).toEqual(['topic', 'notes']);
    expect(writableFields(['driver', '__proto__'], 'sessions')).toEqual([]);
    // A field limit only narrows an entity the role writes at all.
    for (const [role, entities] of Object.entries(WRITE_FIELDS)) {
      for (const entity of Object.keys(entities ?? {})) expect(mayWrite([role], entity as EntityName)).toBe(true);
    }
  });

  it('only an administrator erases a participant', () => {
    expect(ROLES.filter((r) => mayEraseParticipant([r]))).toEqual(['administrator']);
  });
});
