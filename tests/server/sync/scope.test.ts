/**
 * SCOPE rules without a database (sync/scope.ts): which entities and fields each role receives,
 * the union for several roles, the projection of nested fields (contacts' phones), when
 * revocations are asked for, and that a record outside the caller's units is never shaped for
 * sending. The same rules over a real store: contract-scope.ts.
 */
import { describe, expect, it } from 'vitest';
import type { PulledChange } from '../../../src/protocol';
import { pullFilter, scopeFor, scopeRecord, shapeChange } from '../../../src/server/sync/scope';

const person = {
  id: 'p1', organizationId: 'o1', hlc: 'h', changedBy: 'u1', deleted: false, unitId: 'A', firstName: 'Anna', lastName: 'Nowak',
  birthDate: '1960-01-01', pesel: '60010112345', studioId: null, attendanceWeekdays: [1, 2], admissionDate: '2020-01-01',
  dischargeDate: null, dischargeReason: null, status: 'active', phone: '600100200',
  contacts: [{ name: 'Ewa Nowak', relation: 'córka', phone: '600300400', isLegalGuardian: true }],
  address: { street: 'Polna 1', postalCode: '00-001', city: 'Zielony Dół' },
  transport: { needsTransport: true, mobilityAid: 'wheelchair', driverNote: 'dzwonić dwa razy' },
  diet: 'diabetic', allergies: 'orzechy', disabilityCertificate: { degree: 'severe', validUntil: null },
  rehabPlan: null, consents: { dataProcessing: true, photos: false, outings: true, signedOn: null }, notes: 'poufne',
};

const change = (data: Record<string, unknown>, entity: PulledChange['entity'] = 'participants'): PulledChange =>
  ({ seq: 7, entity, recordId: String(data.id), data, deleted: false });

describe('SCOPE rules', () => {
  it('SCOPE-FIELDS: a driver receives address, phone, transport and contacts without the guardian flag, and no health data', () => {
    const seen = scopeRecord(scopeFor({ roles: ['driver'], unitIds: ['A'] }), 'participants', person)!;
    expect(seen.partial).toBe(true);
    expect(seen.data).toEqual({
      id: 'p1', organizationId: 'o1', hlc: 'h', changedBy: 'u1', deleted: false, unitId: 'A', firstName: 'Anna', lastName: 'Nowak',
      status: 'active', attendanceWeekdays: [1, 2], admissionDate: '2020-01-01', dischargeDate: null, phone: '600100200',
      address: person.address, transport: person.transport, contacts: [{ name: 'Ewa Nowak', relation: 'córka', phone: '600300400' }],
    });
  });

  it('SCOPE-FIELDS: the kitchen receives names, diet and allergies only', () => {
    const seen = scopeRecord(scopeFor({ roles: ['kitchen'], unitIds: ['A'] }), 'participants', person)!;
    expect(Object.keys(seen.data).sort()).toEqual([
      'admissionDate', 'allergies', 'attendanceWeekdays', 'changedBy', 'deleted', 'diet', 'dischargeDate', 'firstName', 'hlc', 'id',
      'lastName', 'organizationId', 'status', 'unitId',
    ]);
  });

  it('SCOPE-UNION: several roles receive the union of their fields; a full role wins over partial ones', () => {
    const both = scopeRecord(scopeFor({ roles: ['driver', 'kitchen'], unitIds: ['A'] }), 'participants', person)!;
    expect(both.partial).toBe(true);
    expect(both.data).toMatchObject({ address: person.address, diet: 'diabetic', allergies: 'orzechy' });
    expect(both.data).not.toHaveProperty('pesel');
    expect(scopeRecord(scopeFor({ roles: ['driver', 'therapist'], unitIds: ['A'] }), 'participants', person)).toEqual({ data: person, partial: false });
  });

  it('SCOPE-UNITS: records outside the caller’s units are not visible; the organization always is; administrators see every unit', () => {
    const therapist = scopeFor({ roles: ['therapist'], unitIds: ['B'] });
    expect(scopeRecord(therapist, 'participants', person)).toBeNull();
    expect(scopeRecord(therapist, 'units', { id: 'A' })).toBeNull();
    expect(scopeRecord(therapist, 'units', { id: 'B' })).not.toBeNull();
    expect(scopeRecord(therapist, 'staff', { id: 's', unitIds: ['A', 'B'] })).not.toBeNull();
    expect(scopeRecord(therapist, 'staff', { id: 's', unitIds: ['A'] })).toBeNull();
    expect(scopeRecord(therapist, 'organizations', { id: 'o1' })).not.toBeNull();
    expect(scopeRecord(scopeFor({ roles: ['administrator'], unitIds: [] }), 'participants', person)).toEqual({ data: person, partial: false });
    expect(scopeRecord(scopeFor({ roles: ['kitchen'], unitIds: ['A'] }), 'routes', { id: 'r', unitId: 'A' })).toBeNull();
    expect(scopeRecord(scopeFor({ roles: [], unitIds: ['A'] }), 'organizations', { id: 'o1' })).toBeNull();
  });

  it('SCOPE-FILTER: the SQL filter lists the entities a role receives, its units, and asks for revocations only when the device may hold records', () => {
    const driver = scopeFor({ roles: ['driver'], unitIds: ['A'] });
    expect(pullFilter(driver, 0)).toEqual({ entities: expect.any(Array), units: ['A'], revocations: false });
    expect(pullFilter(driver, 5).revocations).toBe(true);
    expect([...pullFilter(driver, 0).entities].sort()).toEqual(
      ['absenceNotices', 'activities', 'dayMarks', 'organizations', 'participants', 'routeStops', 'routes', 'staff', 'transportEvents', 'units'],
    );
    expect(pullFilter(scopeFor({ roles: ['administrator'], unitIds: ['A'] }), 5)).toMatchObject({ units: null, revocations: false });
    expect(pullFilter(scopeFor({ roles: ['administrator'], unitIds: [] }), 0).entities).toHaveLength(14);
  });

  it('SCOPE-SHAPE: a change is cut to the role’s fields; a revocation passes as it is; a record outside the units is never shaped for sending', () => {
    const kitchen = scopeFor({ roles: ['kitchen'], unitIds: ['A'] });
    const shaped = shapeChange(kitchen, change(person))!;
    expect(shaped.partial).toBe(true);
    expect(shaped.data).not.toHaveProperty('pesel');
    const revocation: PulledChange = { seq: 8, entity: 'participants', recordId: 'p2', data: { id: 'p2' }, deleted: true, revoked: true };
    expect(shapeChange(kitchen, revocation)).toBe(revocation);
    expect(shapeChange(kitchen, change({ ...person, unitId: 'B' }))).toBeNull();
    expect(shapeChange(kitchen, change({ id: 'r', unitId: 'A' }, 'routes'))).toBeNull();
    const admin = scopeFor({ roles: ['administrator'], unitIds: [] });
    expect(shapeChange(admin, change(person))).toEqual(change(person));
  });
});
