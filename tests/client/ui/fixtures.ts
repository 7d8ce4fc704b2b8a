// Records for UI tests: complete, schema-shaped entities with readable defaults and overrides, and
// the Monday every screen test can start from (mondayRecords), stored through app-fixture.tsx.
import type { AbsenceNotice, Activity, DayMark, Participant, Room, Route, RouteStop, StaffMember, Unit } from '../../../src/domain';
import type { Seed } from './app-fixture';

const meta = (id: string) => ({ id, organizationId: 'org-1', hlc: '0000000000000:0000:dev-1', changedBy: 'user-1', deleted: false });

/** A record's own fields, without the sync metadata (what a form or an action writes). */
export function withoutMeta<T extends { id: string; organizationId: string; hlc: string; changedBy: string; deleted: boolean }>(record: T): Omit<T, 'id' | 'organizationId' | 'hlc' | 'changedBy' | 'deleted'> {
  const { id: _id, organizationId: _org, hlc: _hlc, changedBy: _by, deleted: _deleted, ...fields } = record;
  return fields;
}

export function makeUnit(over: Partial<Unit> = {}): Unit {
  return {
    ...meta(over.id ?? 'unit-1'),
    name: 'WTZ „Przystań”',
    kind: 'wtz',
    address: 'ul. Lipowa 3, Gdynia',
    openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '15:00' })),
    seats: 30,
    servesMeals: true,
    runsTransport: true,
    dailyHoursTarget: 7,
    closedDays: [],
    absenceStreakAlertDays: 5,
    absenceLimitDays: null,
    mealCutoffTime: '09:30',
    ...over,
  };
}

export function makeParticipant(over: Partial<Participant> & { id: string; firstName: string; lastName: string }): Participant {
  return {
    ...meta(over.id),
    birthDate: '1980-05-12',
    pesel: null,
    unitId: 'unit-1',
    studioId: null,
    attendanceWeekdays: [1, 2, 3, 4, 5],
    admissionDate: '2020-09-01',
    dischargeDate: null,
    dischargeReason: null,
    status: 'active',
    phone: null,
    contacts: [],
    address: { street: 'ul. Morska 10', postalCode: '81-001', city: 'Gdynia' },
    transport: { needsTransport: false, mobilityAid: 'none', driverNote: '' },
    diet: 'standard',
    allergies: '',
    disabilityCertificate: null,
    rehabPlan: null,
    consents: { dataProcessing: true, photos: false, outings: true, signedOn: '2020-09-01' },
    notes: '',
    ...over,
  };
}

export function makeRoom(over: Partial<Room> & { id: string; name: string }): Room {
  return { ...meta(over.id), unitId: 'unit-1', isStudio: true, capacity: 6, ...over };
}

export function makeRecurring(over: Partial<Extract<Activity, { kind: 'recurring' }>> & { id: string; title: string }): Activity {
  return {
    ...meta(over.id),
    unitId: 'unit-1',
    category: 'occupationalTherapy',
    roomId: null,
    staffIds: [],
    audience: { type: 'unit' },
    capacity: null,
    startTime: '09:00',
    endTime: '10:30',
    kind: 'recurring',
    weekdays: [1],
    validFrom: '2026-01-01',
    validTo: null,
    ...over,
  };
}

export function makeOneOff(over: Partial<Extract<Activity, { kind: 'oneOff' }>> & { id: string; title: string; day: string }): Activity {
  return {
    ...meta(over.id),
    unitId: 'unit-1',
    category: 'trip',
    roomId: null,
    staffIds: [],
    audience: { type: 'unit' },
    capacity: null,
    startTime: '08:00',
    endTime: '14:00',
    kind: 'oneOff',
    place: '',
    needsBus: true,
    ...over,
  };
}

export function makeMark(participantId: string, status: DayMark['status'], over: Partial<DayMark> = {}): DayMark {
  return {
    ...meta(`dm:${participantId}:${over.day ?? '2026-11-23'}`),
    participantId,
    unitId: 'unit-1',
    day: '2026-11-23',
    status,
    absenceReason: status === 'present' ? null : 'illness',
    arrivalTime: status === 'present' ? '08:05' : null,
    leaveTime: null,
    note: '',
    ...over,
  };
}

export function makeNotice(participantId: string, over: Partial<AbsenceNotice> = {}): AbsenceNotice {
  return {
    ...meta(`notice-${participantId}`),
    participantId,
    unitId: 'unit-1',
    fromDay: '2026-11-23',
    toDay: '2026-11-25',
    reason: 'illness',
    note: '',
    reportedBy: 'córka',
    reportedOn: '2026-11-22',
    ...over,
  };
}

export const anna = makeParticipant({ id: 'p-anna', firstName: 'Anna', lastName: 'Kowalska' });
export const jan = makeParticipant({ id: 'p-jan', firstName: 'Jan', lastName: 'Nowak' });
export const zofia = makeParticipant({ id: 'p-zofia', firstName: 'Zofia', lastName: 'Wiśniewska' });

export function makeRoute(over: Partial<Route> = {}): Route {
  return {
    ...meta(over.id ?? 'route-1'),
    unitId: 'unit-1', name: 'Kurs poranny', direction: 'toCentre', vehicleName: 'Renault Master', seats: 9,
    wheelchairPlaces: 1, driverStaffId: null, departureTime: '07:00',
    ...over,
  };
}

export function makeStop(id: string, participantId: string, position: number, plannedTime: string): RouteStop {
  return { ...meta(id), routeId: 'route-1', unitId: 'unit-1', participantId, position, pickupAddress: '', plannedTime };
}

export function makeStaff(over: Partial<StaffMember> & { id: string; firstName: string; lastName: string }): StaffMember {
  return { ...meta(over.id), role: 'therapist', jobTitle: '', unitIds: ['unit-1'], phone: null, email: null, active: true, ...over };
}

/** Zofia's five working days away before Monday 23.11 (16–20.11). */
const zofiaAway = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'].map((day) => makeMark('p-zofia', 'absent', { day }));

/**
 * A Monday at the WTZ, as records: Anna (certificate ending 18.12.2026,
 * reported sick 23–25.11), Jan (present, 42 today) and Zofia (away five working days, not marked
 * yet), and the Monday woodwork class in Sala 2 led by Ewa Lis.
 */
export function mondayRecords(over: Partial<Unit> = {}): Seed {
  return {
    units: [makeUnit(over)],
    participants: [
      { ...anna, disabilityCertificate: { degree: 'moderate', validUntil: '2026-12-18' } },
      { ...jan, birthDate: '1984-11-23' },
      zofia,
    ],
    rooms: [makeRoom({ id: 'room-2', name: 'Sala 2' })],
    staff: [makeStaff({ id: 's-ewa', firstName: 'Ewa', lastName: 'Lis' })],
    activities: [makeRecurring({ id: 'a-1', title: 'Pracownia stolarska', roomId: 'room-2', staffIds: ['s-ewa'] })],
    dayMarks: [makeMark('p-jan', 'present'), ...zofiaAway],
    absenceNotices: [makeNotice('p-anna')],
  };
}
