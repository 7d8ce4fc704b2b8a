import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, generateDemoCentre } from '../../../src/domain/demo/generate';
import { formatHlc } from '../../../src/domain/hlc';
import { ENTITY_NAMES, validateRecord } from '../../../src/domain/entities/registry';
import { dayMarkId, sessionMarkId } from '../../../src/domain/entities/attendance';
import { mealOrderId } from '../../../src/domain/entities/meal-order';
import { sessionId } from '../../../src/domain/entities/session';
import { BASE, SCENARIOS, centre } from './helpers';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('generateDemoCentre', () => {
  it('is deterministic: the same options give byte-identical output', () => {
    const a = JSON.stringify(generateDemoCentre(BASE));
    const b = JSON.stringify(generateDemoCentre({ ...BASE }));
    expect(a).toBe(b);
  });

  it('another seed gives another centre', () => {
    const a = generateDemoCentre(BASE);
    const b = generateDemoCentre({ ...BASE, seed: BASE.seed + 1 });
    expect(a.organization.id).not.toBe(b.organization.id);
    expect(JSON.stringify(a.records.slice(0, 200))).not.toBe(JSON.stringify(b.records.slice(0, 200)));
  });

  it.each(SCENARIOS)('every record passes validateRecord (today $today)', (opts) => {
    const { demo } = centre(opts);
    const failures = demo.records
      .map((r) => ({ entity: r.entity, id: r.data.id, result: validateRecord(r.entity, r.data) }))
      .filter((x) => !x.result.ok);
    expect(failures).toEqual([]);
  });

  it.each(SCENARIOS)('every record carries the tenant, the demo stamp and the admin as author (today $today)', (opts) => {
    const { demo } = centre(opts);
    const admin = demo.accounts.find((a) => a.login === 'admin');
    const hlc = formatHlc({ wall: opts.nowMs, counter: 0, device: 'demo' });
    for (const { data } of demo.records) {
      expect(data.organizationId).toBe(demo.organization.id);
      expect(data.hlc).toBe(hlc);
      expect(data.changedBy).toBe(admin?.id);
      expect(data.deleted).toBe(false);
    }
  });

  it('ids are unique, UUIDv7 with the generation time, and deterministic for day and session marks, meal orders and sessions', () => {
    const c = centre(BASE);
    const ids = new Set<string>();
    const msHex = BASE.nowMs.toString(16).padStart(12, '0');
    for (const { entity, data } of c.demo.records) {
      expect(ids.has(data.id)).toBe(false);
      ids.add(data.id);
      if (entity === 'dayMarks' || entity === 'sessionMarks' || entity === 'mealOrders' || entity === 'sessions') continue;
      expect(data.id).toMatch(UUID_V7);
      expect(data.id.replace('-', '').slice(0, 12)).toBe(msHex);
    }
    for (const m of c.all('dayMarks')) expect(m.id).toBe(dayMarkId(m.participantId, m.day));
    for (const o of c.all('mealOrders')) expect(o.id).toBe(mealOrderId(o.unitId, o.day));
    for (const s of c.all('sessions')) expect(s.id).toBe(sessionId(s.activityId, s.day));
    for (const s of c.all('sessionMarks')) expect(s.id).toBe(sessionMarkId(sessionId(s.activityId, s.day), s.participantId));
  });

  it('lists records parents first, the organization at the top', () => {
    const order = [...new Set(centre(BASE).demo.records.map((r) => r.entity))];
    expect(order).toEqual(['organizations', 'units', 'rooms', 'staff', 'participants', 'activities', 'sessions', 'routes', 'routeStops', 'absenceNotices', 'dayMarks', 'sessionMarks', 'mealOrders']);
    expect(order.every((e) => ENTITY_NAMES.includes(e))).toBe(true);
    expect(centre(BASE).demo.records[0]?.data).toEqual(centre(BASE).demo.organization);
  });

  it('creates the fictional organization and its three units', () => {
    const c = centre(BASE);
    expect(c.demo.organization.name).toBe('Miejski Ośrodek Pomocy Społecznej w Zielonym Dole');
    expect(c.demo.organization.city).toBe('Zielony Dół');
    expect(c.all('units').map((u) => [u.name, u.kind, u.seats, u.servesMeals, u.runsTransport])).toEqual([
      ['Warsztat Terapii Zajęciowej „Promyk”', 'wtz', 30, true, true],
      ['Dzienny Dom Aktywny Senior „Pogodna Jesień”', 'activeSeniorHome', 25, true, true],
      ['Świetlica środowiskowa „Kolorowo”', 'childrenDayRoom', 20, false, false],
    ]);
    const hours = (kind: 'wtz' | 'activeSeniorHome' | 'childrenDayRoom') => c.unit(kind).openingHours.map((h) => `${h.weekday} ${h.open}-${h.close}`);
    expect(hours('wtz')).toEqual(['1 08:00-15:00', '2 08:00-15:00', '3 08:00-15:00', '4 08:00-15:00', '5 08:00-15:00']);
    expect(hours('activeSeniorHome')).toEqual(['1 08:00-16:00', '2 08:00-16:00', '3 08:00-16:00', '4 08:00-16:00', '5 08:00-16:00']);
    expect(hours('childrenDayRoom')).toEqual(['1 12:00-18:00', '2 12:00-18:00', '3 12:00-18:00', '4 12:00-18:00', '5 12:00-18:00']);
    expect(c.unit('wtz').dailyHoursTarget).toBe(7);
  });

  it('gives the WTZ six studios', () => {
    const c = centre(BASE);
    const studios = c.all('rooms').filter((r) => r.unitId === c.unit('wtz').id && r.isStudio).map((r) => r.name);
    expect(studios).toEqual([
      'Pracownia gospodarstwa domowego', 'Pracownia ogrodnicza', 'Pracownia rękodzieła', 'Pracownia stolarska',
      'Pracownia krawiecko-hafciarska', 'Pracownia poligraficzno-komputerowa',
    ]);
  });

  it('creates the demo accounts on staff members of the right role', () => {
    const c = centre(BASE);
    const staff = new Map(c.all('staff').map((s) => [s.id, s]));
    const units = c.all('units').map((u) => u.id);
    expect(c.demo.accounts.map((a) => [a.login, a.role])).toEqual([
      ['admin', 'administrator'], ['koordynator', 'coordinator'], ['terapeuta', 'therapist'], ['kierowca', 'driver'], ['kuchnia', 'kitchen'],
    ]);
    for (const a of c.demo.accounts) {
      const s = staff.get(a.id);
      expect(s?.role).toBe(a.role);
      expect(a.unitIds).toEqual(s?.unitIds);
      expect(a.displayName).toBe(`${s?.firstName} ${s?.lastName}`);
      expect(a.password).toBe(DEMO_PASSWORD);
    }
    expect(c.demo.accounts[0]?.unitIds).toEqual(units);
    expect(c.demo.accounts[1]?.unitIds).toEqual(units);
    expect(c.demo.accounts[2]?.unitIds).toEqual([c.unit('wtz').id]);
  });

  it('has the staff a centre needs', () => {
    const c = centre(BASE);
    const count = (role: string, unitId?: string) =>
      c.all('staff').filter((s) => s.role === role && (unitId === undefined || s.unitIds.includes(unitId))).length;
    expect(count('administrator')).toBe(1);
    for (const u of c.all('units')) expect(count('coordinator', u.id)).toBeGreaterThanOrEqual(2);
    expect(count('therapist', c.unit('wtz').id)).toBeGreaterThanOrEqual(6);
    expect(count('therapist', c.unit('activeSeniorHome').id)).toBeGreaterThanOrEqual(3);
    expect(count('therapist', c.unit('childrenDayRoom').id)).toBe(2);
    expect(count('driver')).toBe(2);
    expect(count('kitchen')).toBe(1);
  });

  it.each([
    [{}, [30, 25, 20]],
    [{ wtzParticipants: 12, seniorParticipants: 0, childrenParticipants: 3 }, [12, 0, 3]],
    [{ wtzParticipants: 300, historyMonths: 12 }, [300, 25, 20]],
  ])('makes the requested number of participants per unit (%j)', (over, [wtz, senior, kids]) => {
    const c = centre({ ...BASE, ...over });
    const inUnit = (kind: 'wtz' | 'activeSeniorHome' | 'childrenDayRoom') => c.all('participants').filter((p) => p.unitId === c.unit(kind).id).length;
    expect([inUnit('wtz'), inUnit('activeSeniorHome'), inUnit('childrenDayRoom')]).toEqual([wtz, senior, kids]);
  });
});
