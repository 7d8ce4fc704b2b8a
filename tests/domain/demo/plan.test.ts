import { describe, expect, it } from 'vitest';
import { addDays, isUnitOpen } from '../../../src/domain/calendar';
import { activitiesOnDay } from '../../../src/domain/rules/today';
import { BASE, SCENARIOS, centre } from './helpers';

describe.each(SCENARIOS)('demo plan and routes (today $today)', (opts) => {
  const c = centre(opts);
  const activities = c.all('activities');
  const units = new Map(c.all('units').map((u) => [u.id, u]));
  const rooms = new Map(c.all('rooms').map((r) => [r.id, r]));
  const staff = new Map(c.all('staff').map((s) => [s.id, s]));

  it('every class is within its unit’s opening hours, in its rooms, with its staff', () => {
    for (const a of activities) {
      const unit = units.get(a.unitId);
      expect(unit).toBeDefined();
      const weekdays = a.kind === 'recurring' ? a.weekdays : [];
      for (const w of weekdays) {
        const h = unit?.openingHours.find((x) => x.weekday === w);
        expect(h && h.open <= a.startTime && a.endTime <= h.close).toBe(true);
      }
      if (a.roomId !== null) expect(rooms.get(a.roomId)?.unitId).toBe(a.unitId);
      expect(a.staffIds.length).toBeGreaterThan(0);
      for (const id of a.staffIds) expect(staff.get(id)?.unitIds).toContain(a.unitId);
    }
  });

  it('each WTZ studio has its weekday class for the studio’s participants', () => {
    const wtz = c.unit('wtz');
    const studios = c.all('rooms').filter((r) => r.unitId === wtz.id && r.isStudio);
    for (const s of studios) {
      const cls = activities.find((a) => a.audience.type === 'studio' && a.audience.studioId === s.id);
      expect(cls?.kind === 'recurring' && cls.weekdays).toEqual([1, 2, 3, 4, 5]);
      expect(cls?.roomId).toBe(s.id);
    }
  });

  it('the Senior+ week has the classes the programme promises', () => {
    const cats = new Set(activities.filter((a) => a.unitId === c.unit('activeSeniorHome').id).map((a) => a.category));
    for (const cat of ['occupationalTherapy', 'computerClass', 'rehabilitation', 'nordicWalking', 'musicTherapy', 'cooking'] as const) {
      expect(cats.has(cat)).toBe(true);
    }
  });

  it('has a past trip and a coming bus trip within two weeks, on open days', () => {
    const oneOffs = activities.filter((a) => a.kind === 'oneOff');
    for (const a of oneOffs) {
      const unit = units.get(a.unitId);
      expect(unit && a.kind === 'oneOff' && isUnitOpen(unit, a.day)).toBe(true);
    }
    expect(oneOffs.some((a) => a.kind === 'oneOff' && a.day < opts.today)).toBe(true);
    expect(oneOffs.some((a) => a.kind === 'oneOff' && a.needsBus && a.day > opts.today && a.day <= addDays(opts.today, 14))).toBe(true);
  });

  it('a working day of the WTZ shows its classes', () => {
    let day = opts.today;
    while (!isUnitOpen(c.unit('wtz'), day)) day = addDays(day, 1);
    expect(activitiesOnDay(activities, c.unit('wtz'), day).length).toBeGreaterThanOrEqual(7);
  });

  it('routes pick up exactly the participants who need transport, in time order', () => {
    const people = new Map(c.all('participants').map((p) => [p.id, p]));
    const stops = c.all('routeStops');
    const routes = c.all('routes');
    expect(routes.map((r) => [units.get(r.unitId)?.kind, r.direction])).toEqual([
      ['wtz', 'toCentre'], ['wtz', 'home'], ['activeSeniorHome', 'toCentre'], ['activeSeniorHome', 'home'],
    ]);
    for (const r of routes) {
      const mine = stops.filter((s) => s.routeId === r.id).sort((a, b) => a.position - b.position);
      expect(mine.length).toBeGreaterThanOrEqual(8);
      expect(mine.length).toBeLessThanOrEqual(12);
      expect(staff.get(r.driverStaffId ?? '')?.role).toBe('driver');
      expect(r.vehicleName).not.toBe('');
      expect(r.seats).toBeGreaterThanOrEqual(mine.length);
      const wheelchairs = mine.filter((s) => people.get(s.participantId)?.transport.mobilityAid === 'wheelchair').length;
      expect(r.wheelchairPlaces).toBeGreaterThanOrEqual(wheelchairs);
      const times = mine.map((s) => s.plannedTime);
      expect(times).toEqual([...times].sort());
      expect(new Set(times).size).toBe(times.length);
      expect(r.departureTime < (times[0] ?? '')).toBe(true);
      const open = units.get(r.unitId)?.openingHours[0];
      if (r.direction === 'toCentre') expect((times.at(-1) ?? '') < (open?.open ?? '')).toBe(true);
      else expect(r.departureTime >= (open?.close ?? '')).toBe(true);
      for (const s of mine) {
        const p = people.get(s.participantId);
        expect(p?.unitId).toBe(r.unitId);
        expect(p?.transport.needsTransport).toBe(true);
        expect(s.unitId).toBe(r.unitId);
      }
      const riders = [...people.values()].filter((p) => p.unitId === r.unitId && p.transport.needsTransport).map((p) => p.id).sort();
      expect(mine.map((s) => s.participantId).sort()).toEqual(riders);
    }
  });
});

describe('demo routes at scale', () => {
  it('split a large WTZ into several runs of at most twelve stops', () => {
    const c = centre({ ...BASE, wtzParticipants: 300, historyMonths: 12 });
    const wtz = c.unit('wtz');
    const morning = c.all('routes').filter((r) => r.unitId === wtz.id && r.direction === 'toCentre');
    const stops = c.all('routeStops');
    expect(morning.length).toBeGreaterThan(1);
    for (const r of morning) expect(stops.filter((s) => s.routeId === r.id).length).toBeLessThanOrEqual(12);
    const riders = c.all('participants').filter((p) => p.unitId === wtz.id && p.transport.needsTransport).length;
    expect(morning.reduce((n, r) => n + stops.filter((s) => s.routeId === r.id).length, 0)).toBe(riders);
  });
});
