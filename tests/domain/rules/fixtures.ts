// Small record builders for the rule tests: valid records with only the fields a test cares about changed.
import { formatHlc } from '../../../src/domain/hlc';
import { dayMarkId, type AttendanceStatus, type DayMark } from '../../../src/domain/entities/attendance';
import type { AbsenceNotice } from '../../../src/domain/entities/absence-notice';
import type { Activity } from '../../../src/domain/entities/activity';
import type { Participant } from '../../../src/domain/entities/participant';
import type { Unit } from '../../../src/domain/entities/unit';

export const meta = (id: string) => ({
  id, organizationId: 'org', hlc: formatHlc({ wall: 1_767_225_600_000, counter: 0, device: 'test' }), changedBy: 'u1', deleted: false,
});

export function unit(over: Partial<Unit> = {}): Unit {
  return {
    ...meta('unit-1'), name: 'WTZ', kind: 'wtz', address: '',
    openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '15:00' })),
    seats: 30, servesMeals: true, runsTransport: true, dailyHoursTarget: 7, closedDays: [],
    absenceStreakAlertDays: 5, absenceLimitDays: 30, mealCutoffTime: '09:00', ...over,
  };
}

export function person(id: string, over: Partial<Participant> = {}): Participant {
  return {
    ...meta(id), firstName: 'Jan', lastName: 'Nowak', birthDate: '1980-06-15', pesel: null, unitId: 'unit-1',
    studioId: null, attendanceWeekdays: [1, 2, 3, 4, 5], admissionDate: '2020-01-01', dischargeDate: null,
    dischargeReason: null, status: 'active', phone: null, contacts: [],
    address: { street: '', postalCode: '', city: '' },
    transport: { needsTransport: false, mobilityAid: 'none', driverNote: '' },
    diet: 'standard', allergies: '', disabilityCertificate: null, rehabPlan: null,
    consents: { dataProcessing: true, photos: false, outings: false, signedOn: null }, notes: '', ...over,
  };
}

export function mark(participantId: string, day: string, status: AttendanceStatus, over: Partial<DayMark> = {}): DayMark {
  return {
    ...meta(dayMarkId(participantId, day)), participantId, unitId: 'unit-1', day, status,
    absenceReason: status === 'present' ? null : 'illness',
    arrivalTime: status === 'present' ? '08:00' : null, leaveTime: status === 'present' ? '15:00' : null, note: '', ...over,
  };
}

export function notice(participantId: string, fromDay: string, toDay: string, over: Partial<AbsenceNotice> = {}): AbsenceNotice {
  return {
    ...meta(`n-${participantId}-${fromDay}`), participantId, unitId: 'unit-1', fromDay, toDay, reason: 'vacation',
    note: '', reportedBy: 'uczestnik', reportedOn: fromDay, ...over,
  };
}

type RecurringOver = Partial<Extract<Activity, { kind: 'recurring' }>>;
type OneOffOver = Partial<Extract<Activity, { kind: 'oneOff' }>>;

const activityCommon = (id: string) => ({
  ...meta(id), unitId: 'unit-1', title: id, category: 'occupationalTherapy' as const, roomId: null, staffIds: [],
  audience: { type: 'unit' as const }, capacity: null, startTime: '09:00', endTime: '10:00',
});

export function recurring(id: string, over: RecurringOver = {}): Activity {
  return { ...activityCommon(id), kind: 'recurring', weekdays: [1, 2, 3, 4, 5], validFrom: '2026-01-01', validTo: null, ...over };
}

export function oneOff(id: string, day: string, over: OneOffOver = {}): Activity {
  return { ...activityCommon(id), kind: 'oneOff', day, place: '', needsBus: false, ...over };
}
