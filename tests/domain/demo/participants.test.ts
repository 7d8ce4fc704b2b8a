import { describe, expect, it } from 'vitest';
import { ageOn } from '../../../src/domain/calendar';
import { birthDateFromPesel, isPeselChecksumValid } from '../../../src/domain/primitives';
import type { Participant } from '../../../src/domain/entities/participant';
import { BASE, SCENARIOS, centre } from './helpers';

const isFemaleName = (p: { firstName: string }) => p.firstName.endsWith('a');

describe.each(SCENARIOS)('demo participants (today $today)', (opts) => {
  const c = centre(opts);
  const people = c.all('participants');
  const of = (kind: 'wtz' | 'activeSeniorHome' | 'childrenDayRoom') => people.filter((p) => p.unitId === c.unit(kind).id);

  it('are all active and admitted by today', () => {
    for (const p of people) {
      expect(p.status).toBe('active');
      expect(p.admissionDate <= opts.today).toBe(true);
    }
  });

  it('seniors are 60 or older, WTZ participants adults up to 60, children 7 to 15', () => {
    for (const p of of('activeSeniorHome')) expect(ageOn(p.birthDate, opts.today)).toBeGreaterThanOrEqual(60);
    for (const p of of('activeSeniorHome')) expect(ageOn(p.birthDate, opts.today)).toBeLessThanOrEqual(95);
    for (const p of of('activeSeniorHome')) expect(ageOn(p.birthDate, p.admissionDate)).toBeGreaterThanOrEqual(60);
    for (const p of of('wtz')) expect(ageOn(p.birthDate, opts.today)).toBeGreaterThanOrEqual(18);
    for (const p of of('wtz')) expect(ageOn(p.birthDate, opts.today)).toBeLessThanOrEqual(60);
    for (const p of of('childrenDayRoom')) expect(ageOn(p.birthDate, opts.today)).toBeGreaterThanOrEqual(7);
    for (const p of of('childrenDayRoom')) expect(ageOn(p.birthDate, opts.today)).toBeLessThanOrEqual(15);
  });

  it('PESELs are valid and agree with the birth date and the gender', () => {
    const withPesel = people.filter((p): p is Participant & { pesel: string } => p.pesel !== null);
    expect(withPesel.length).toBeGreaterThan(people.length * 0.85);
    for (const p of of('childrenDayRoom')) expect(p.pesel).not.toBeNull();
    for (const p of withPesel) {
      expect(isPeselChecksumValid(p.pesel)).toBe(true);
      expect(birthDateFromPesel(p.pesel)).toBe(p.birthDate);
      expect(Number(p.pesel[9]) % 2 === 0).toBe(isFemaleName(p));
    }
  });

  it('surnames take the feminine or masculine form of the first name', () => {
    for (const p of people) {
      if (isFemaleName(p)) expect(p.lastName).not.toMatch(/(sk|ck|dzk)i$/);
      else expect(p.lastName).not.toMatch(/(sk|ck|dzk)a$/);
    }
  });

  it('live in Zielony Dół or a nearby village, with Polish postal codes and phone numbers', () => {
    for (const p of people) {
      expect(p.address.postalCode).toMatch(/^\d{2}-\d{3}$/);
      expect(['Zielony Dół', 'Dębowa Wola', 'Łąkowo', 'Stara Źródłowa']).toContain(p.address.city);
      for (const phone of [p.phone, ...p.contacts.map((x) => x.phone)]) {
        if (phone !== null) expect(phone).toMatch(/^\+48 [5-8]\d{2} \d{3} \d{3}$/);
      }
    }
  });

  it('WTZ participants belong to a studio, about five each, with certificates and IPRs', () => {
    const studios = new Set(c.all('rooms').filter((r) => r.unitId === c.unit('wtz').id && r.isStudio).map((r) => r.id));
    const perStudio = new Map<string, number>();
    for (const p of of('wtz')) {
      expect(studios.has(p.studioId ?? '')).toBe(true);
      perStudio.set(p.studioId ?? '', (perStudio.get(p.studioId ?? '') ?? 0) + 1);
      expect(['moderate', 'severe']).toContain(p.disabilityCertificate?.degree);
      expect(p.rehabPlan).not.toBeNull();
      expect(p.attendanceWeekdays).toEqual([1, 2, 3, 4, 5]);
    }
    expect([...perStudio.values()]).toEqual([5, 5, 5, 5, 5, 5]);
    expect(of('wtz').some((p) => p.disabilityCertificate?.validUntil === null)).toBe(true);
    for (const p of [...of('activeSeniorHome'), ...of('childrenDayRoom')]) expect(p.studioId).toBeNull();
  });

  it('exactly one certificate has expired; a few end within 30 days', () => {
    const until = people.map((p) => p.disabilityCertificate?.validUntil).filter((d): d is string => typeof d === 'string');
    expect(until.filter((d) => d < opts.today)).toHaveLength(1);
    expect(until.filter((d) => d >= opts.today && d <= addDaysPlain(opts.today, 30)).length).toBeGreaterThanOrEqual(2);
  });

  it('seniors have a mix of diets and mobility aids; those who cannot travel alone ride the bus', () => {
    const seniors = of('activeSeniorHome');
    expect(new Set(seniors.map((p) => p.diet)).size).toBeGreaterThanOrEqual(3);
    expect(seniors.some((p) => p.transport.mobilityAid !== 'none')).toBe(true);
    for (const p of seniors) {
      if (['wheelchair', 'walker'].includes(p.transport.mobilityAid)) expect(p.transport.needsTransport).toBe(true);
    }
    expect(seniors.some((p) => p.attendanceWeekdays.length === 3)).toBe(true);
  });

  it('children have their parents as legal guardians and no transport', () => {
    for (const p of of('childrenDayRoom')) {
      expect(p.contacts.length).toBeGreaterThanOrEqual(1);
      expect(p.contacts.every((x) => x.isLegalGuardian && ['matka', 'ojciec'].includes(x.relation))).toBe(true);
      expect(p.transport.needsTransport).toBe(false);
    }
  });

  it('everyone consented to data processing, signed on admission', () => {
    for (const p of people) expect(p.consents).toMatchObject({ dataProcessing: true, signedOn: p.admissionDate });
  });

  it('exactly one person has a birthday today', () => {
    expect(people.filter((p) => p.birthDate.slice(5) === opts.today.slice(5))).toHaveLength(1);
  });
});

describe('demo names', () => {
  it('use Polish diacritics', () => {
    const names = centre(BASE).all('participants').concat(centre({ ...BASE, seed: 5 }).all('participants'))
      .map((p) => `${p.firstName} ${p.lastName}`).join(' ');
    expect(names).toMatch(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/);
  });
});

/** Plain day arithmetic for expectations (UTC noon, independent of the code under test). */
function addDaysPlain(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
