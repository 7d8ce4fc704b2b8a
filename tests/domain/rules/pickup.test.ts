import { describe, expect, it } from 'vitest';
import { pickupList, type Route, type RouteStop } from '../../../src/domain';
import { mark, meta, notice, oneOff, person, unit } from './fixtures';

const MONDAY = '2026-11-23';
const route: Route = { ...meta('route-1'), unitId: 'unit-1', name: 'Kurs poranny', direction: 'toCentre', vehicleName: 'Renault Master', seats: 9, wheelchairPlaces: 1, driverStaffId: null, departureTime: '07:00' };
const stop = (id: string, participantId: string, position: number, pickupAddress = ''): RouteStop => ({ ...meta(id), routeId: 'route-1', unitId: 'unit-1', participantId, position, pickupAddress, plannedTime: `07:${String(position * 10).padStart(2, '0')}` });
const home = { street: 'ul. Polna 1', postalCode: '99-320', city: 'Zielony Dół' };
const people = [
  person('p-a', { lastName: 'Adamski', address: home, transport: { needsTransport: true, mobilityAid: 'wheelchair', driverNote: 'rampa' } }),
  person('p-b', { lastName: 'Bąk', address: home }),
  person('p-c', { lastName: 'Cios', attendanceWeekdays: [2, 4] }),
  person('p-d', { lastName: 'Dudek', status: 'discharged', dischargeDate: '2026-10-31' }),
  person('p-e', { lastName: 'Ejsmont', address: home }),
];
const stops = [stop('s-e', 'p-e', 5), stop('s-a', 'p-a', 1), stop('s-b', 'p-b', 2, 'Szkoła, ul. Leśna 4'), stop('s-c', 'p-c', 3), stop('s-d', 'p-d', 4)];

describe('pickupList', () => {
  const list = pickupList(route, stops, people, unit(), [notice('p-b', MONDAY, '2026-11-27', { reason: 'hospital' })], [mark('p-e', MONDAY, 'absent')], [oneOff('trip', MONDAY, { needsBus: true })], MONDAY);

  it('keeps stop order and says who is skipped and why', () => {
    expect(list.stops.map((s) => [s.participant.lastName, s.skip])).toEqual([
      ['Adamski', null], ['Bąk', 'notice'], ['Cios', 'notDue'], ['Dudek', 'inactive'], ['Ejsmont', 'markedAbsent'],
    ]);
    expect(list.stops[1]?.notice?.reason).toBe('hospital');
  });

  it('uses the stop’s pickup address when there is one, else home', () => {
    expect(list.stops[0]?.address).toBe('ul. Polna 1, 99-320 Zielony Dół');
    expect(list.stops[1]?.address).toBe('Szkoła, ul. Leśna 4');
  });

  it('counts served stops and wheelchairs, and lists trips that need the bus', () => {
    expect(list.toServe).toBe(1);
    expect(list.wheelchairs).toBe(1);
    expect(list.trips.map((t) => t.id)).toEqual(['trip']);
  });

  it('on a public holiday serves nobody and says why', () => {
    const holiday = pickupList(route, stops, people, unit(), [], [], [], '2026-11-11');
    expect(holiday.closed).toEqual({ kind: 'holiday', name: 'Narodowe Święto Niepodległości' });
    expect(holiday.toServe).toBe(0);
  });

  it('a notice entered for tomorrow removes the person from tomorrow’s list only', () => {
    const n = [notice('p-a', '2026-11-24', '2026-11-24')];
    expect(pickupList(route, stops, people, unit(), n, [], [], MONDAY).stops[0]?.skip).toBeNull();
    expect(pickupList(route, stops, people, unit(), n, [], [], '2026-11-24').stops[0]?.skip).toBe('notice');
  });
});
