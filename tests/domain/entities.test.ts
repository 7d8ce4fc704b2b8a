import { describe, expect, it } from 'vitest';
import {
  ENTITY_NAMES, ENTITY_SCHEMAS, isEntityName, validateRecord, type EntityMap, type EntityName,
} from '../../src/domain/entities/registry';
import { dayMarkId, sessionMarkId } from '../../src/domain/entities/attendance';
import { mealOrderId } from '../../src/domain/entities/meal-order';
import { transportEventId } from '../../src/domain/entities/transport-event';
import { sessionId } from '../../src/domain/entities/session';
import { SYNC_META_FIELDS } from '../../src/domain/entities/meta';
import { IdSchema } from '../../src/domain/primitives';
import * as v from 'valibot';
import { mark, meta, notice, oneOff, person, recurring, unit } from './rules/fixtures';

const SAMPLES: { [E in EntityName]: EntityMap[E] } = {
  organizations: { ...meta('org'), name: 'MOPS w Zielonym Dole', city: 'Zielony Dół' },
  units: unit(),
  rooms: { ...meta('room-1'), unitId: 'unit-1', name: 'Pracownia stolarska', isStudio: true, capacity: 8 },
  staff: {
    ...meta('staff-1'), firstName: 'Anna', lastName: 'Nowak', role: 'therapist', jobTitle: 'Instruktor terapii zajęciowej',
    unitIds: ['unit-1'], phone: '+48 601 234 567', email: 'anna.nowak@mops.zielony-dol.example', active: true,
  },
  participants: person('p-1', { pesel: '44051401359', birthDate: '1944-05-14' }),
  activities: recurring('act-1'),
  sessions: {
    ...meta(sessionId('act-1', '2026-05-13')), activityId: 'act-1', unitId: 'unit-1', day: '2026-05-13', status: 'moved',
    movedTo: { day: '2026-05-14', startTime: '09:00', endTime: '10:00' }, substituteStaffIds: null, topic: 'Szycie toreb', notes: '',
  },
  dayMarks: mark('p-1', '2026-05-13', 'present'),
  sessionMarks: {
    ...meta(sessionMarkId(sessionId('act-1', '2026-05-13'), 'p-1')), sessionId: sessionId('act-1', '2026-05-13'),
    activityId: 'act-1', participantId: 'p-1', unitId: 'unit-1', day: '2026-05-13', present: true,
  },
  absenceNotices: notice('p-1', '2026-05-18', '2026-05-22'),
  routes: {
    ...meta('route-1'), unitId: 'unit-1', name: 'Kurs poranny', direction: 'toCentre', vehicleName: 'Fiat Ducato 9-osobowy',
    seats: 8, wheelchairPlaces: 1, driverStaffId: 'staff-2', departureTime: '06:50',
  },
  routeStops: {
    ...meta('stop-1'), routeId: 'route-1', unitId: 'unit-1', participantId: 'p-1', position: 1.5, pickupAddress: '', plannedTime: '07:05',
  },
  mealOrders: {
    ...meta(mealOrderId('unit-1', '2026-05-13')), unitId: 'unit-1', day: '2026-05-13', counts: { standard: 20, diabetic: 3 },
    extra: 2, status: 'draft', note: '',
  },
  transportEvents: {
    ...meta(transportEventId('route-1', 'p-1', '2026-05-13')), routeId: 'route-1', unitId: 'unit-1', participantId: 'p-1', day: '2026-05-13',
    kind: 'notHome', time: '07:12',
  },
};

describe('the entity registry', () => {
  it('lists every entity with a schema and a sample here', () => {
    expect([...ENTITY_NAMES].sort()).toEqual(Object.keys(SAMPLES).sort());
    expect(ENTITY_NAMES.every(isEntityName)).toBe(true);
    expect(isEntityName('users')).toBe(false);
    expect(isEntityName('toString')).toBe(false);
  });

  it.each(ENTITY_NAMES)('a valid %s record passes', (entity) => {
    expect(validateRecord(entity, SAMPLES[entity])).toEqual({ ok: true, value: SAMPLES[entity] });
  });

  it.each(ENTITY_NAMES)('a %s record without its sync fields fails on each of them', (entity) => {
    const stripped: Record<string, unknown> = { ...SAMPLES[entity] };
    for (const f of SYNC_META_FIELDS) delete stripped[f];
    const result = validateRecord(entity, stripped);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path).sort()).toEqual([...SYNC_META_FIELDS].sort());
    expect(ENTITY_SCHEMAS[entity]).toBeDefined();
  });
});

describe('cross-field rules', () => {
  const p = SAMPLES.participants;
  const a = recurring('act-1');
  it.each<[string, EntityName, unknown, string, string]>([
    ['class ending before it starts', 'activities', { ...a, startTime: '10:00', endTime: '09:00' }, '', 'endBeforeStart'],
    ['class valid to before valid from', 'activities', { ...a, validFrom: '2026-05-01', validTo: '2026-04-01' }, '', 'validToBeforeFrom'],
    ['recurring class without weekdays', 'activities', { ...a, weekdays: [] }, 'weekdays', 'required'],
    ['trip ending before it starts', 'activities', { ...oneOff('t', '2026-05-13'), startTime: '14:00', endTime: '09:00' }, '', 'endBeforeStart'],
    ['notice ending before it starts', 'absenceNotices', notice('p', '2026-05-10', '2026-05-09'), '', 'toBeforeFrom'],
    ['reason on a present mark', 'dayMarks', { ...mark('p', '2026-05-13', 'present'), absenceReason: 'illness' }, '', 'reasonOnPresent'],
    ['leaving before arriving', 'dayMarks', { ...mark('p', '2026-05-13', 'present'), arrivalTime: '10:00', leaveTime: '09:00' }, '', 'leaveBeforeArrival'],
    ['admitted before birth', 'participants', { ...p, admissionDate: '1940-01-01' }, '', 'admissionBeforeBirth'],
    ['discharged before admission', 'participants', { ...p, dischargeDate: '2019-12-31' }, '', 'dischargeBeforeAdmission'],
    ['a weekday twice', 'participants', { ...p, attendanceWeekdays: [1, 1] }, 'attendanceWeekdays', 'duplicateWeekday'],
    ['IPR review before start', 'participants', { ...p, rehabPlan: { startDate: '2026-05-01', reviewDate: '2026-04-01' } }, 'rehabPlan', 'reviewBeforeStart'],
    ['bad PESEL checksum', 'participants', { ...p, pesel: '44051401358' }, 'pesel', 'peselChecksum'],
    ['bad postal code', 'participants', { ...p, address: { ...p.address, postalCode: '99320' } }, 'address.postalCode', 'invalidPostalCode'],
    ['unknown diet', 'participants', { ...p, diet: 'keto' }, 'diet', 'invalidOption'],
    ['closing before opening', 'units', unit({ openingHours: [{ weekday: 1, open: '15:00', close: '08:00' }] }), 'openingHours.0', 'closeBeforeOpen'],
    ['opening hours twice on a weekday', 'units', unit({ openingHours: [{ weekday: 1, open: '08:00', close: '15:00' }, { weekday: 1, open: '16:00', close: '17:00' }] }), 'openingHours', 'duplicateWeekday'],
    ['negative seats', 'units', unit({ seats: -1 }), 'seats', 'minValue'],
    ['bad e-mail', 'staff', { ...SAMPLES.staff, email: 'anna@' }, 'email', 'invalidEmail'],
    ['meal count for an unknown diet', 'mealOrders', { ...SAMPLES.mealOrders, counts: { paleo: 1 } }, 'counts.paleo', 'invalidOption'],
  ])('%s', (_label, entity, record, path, code) => {
    const result = validateRecord(entity, record);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual({ path, code });
  });
});

describe('validateRecord reports keys, never values', () => {
  it('does not quote personal data in the issues', () => {
    const leaky = { ...SAMPLES.participants, firstName: 12345678901, lastName: ['Kowalska'], notes: 42, unitId: 'Kowalska Anna' };
    const result = validateRecord('participants', leaky);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text).not.toContain('12345678901');
    expect(text).not.toContain('Kowalska');
    expect(text).not.toContain('42');
    if (!result.ok) expect(result.issues).toContainEqual({ path: 'firstName', code: 'invalidType' });
  });

  it('a missing field is "required"', () => {
    const { lastName: _, ...rest } = SAMPLES.participants;
    const result = validateRecord('participants', rest);
    expect(result.ok ? [] : result.issues).toEqual([{ path: 'lastName', code: 'required' }]);
  });
});

describe('deterministic ids', () => {
  it('day marks, session marks, sessions and meal orders have stable, valid ids', () => {
    const uuid = '019e2022-9d80-7dec-a119-d54780aaad73';
    const ids = [dayMarkId(uuid, '2026-05-13'), sessionId(uuid, '2026-05-13'), sessionMarkId(sessionId(uuid, '2026-05-13'), uuid), mealOrderId(uuid, '2026-05-13')];
    expect(ids).toEqual([
      `dm:${uuid}:2026-05-13`, `s:${uuid}:2026-05-13`, `sm:s:${uuid}:2026-05-13:${uuid}`, `mo:${uuid}:2026-05-13`,
    ]);
    for (const id of ids) expect(v.safeParse(IdSchema, id).success).toBe(true);
  });
});
