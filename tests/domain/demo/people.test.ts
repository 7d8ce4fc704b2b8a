import { describe, expect, it } from 'vitest';
import { ageOn } from '../../../src/domain/calendar';
import { feminineSurname, surnameFor } from '../../../src/domain/demo/names';
import { birthDateForAge, makePesel, mobilePhone } from '../../../src/domain/demo/people';
import { mulberry32 } from '../../../src/domain/demo/random';
import { PhoneSchema, birthDateFromPesel, isPeselChecksumValid } from '../../../src/domain/primitives';
import * as v from 'valibot';

describe('makePesel', () => {
  it.each([
    ['1944-03-09', 'female', '440309'], ['1987-12-31', 'male', '871231'],
    ['2009-02-28', 'female', '092228'], ['2016-11-05', 'male', '163105'],
  ] as const)('%s (%s) starts with %s, has a valid check digit and the gender digit', (birth, gender, prefix) => {
    const r = mulberry32(1);
    for (let i = 0; i < 50; i++) {
      const pesel = makePesel(r, birth, gender);
      expect(pesel.startsWith(prefix)).toBe(true);
      expect(isPeselChecksumValid(pesel)).toBe(true);
      expect(birthDateFromPesel(pesel)).toBe(birth);
      expect(Number(pesel[9]) % 2).toBe(gender === 'male' ? 1 : 0);
    }
  });
});

describe('surnames', () => {
  it.each([
    ['Kowalski', 'Kowalska'], ['Czarnecki', 'Czarnecka'], ['Zawadzki', 'Zawadzka'], ['Ściborski', 'Ściborska'],
    ['Nowak', 'Nowak'], ['Wróbel', 'Wróbel'], ['Zając', 'Zając'], ['Sikora', 'Sikora'],
  ])('%s → %s', (m, f) => {
    expect(feminineSurname(m)).toBe(f);
    expect(surnameFor(m, 'male')).toBe(m);
    expect(surnameFor(m, 'female')).toBe(f);
  });
});

describe('birthDateForAge', () => {
  it('gives someone of exactly that age, never on an avoided day or 29 February', () => {
    const r = mulberry32(2);
    const avoid = new Set(['05-13']);
    for (let age = 0; age < 100; age++) {
      const birth = birthDateForAge(r, '2026-05-13', age, avoid);
      expect(ageOn(birth, '2026-05-13')).toBe(age);
      expect(birth.slice(5)).not.toBe('05-13');
      expect(birth.slice(5)).not.toBe('02-29');
    }
  });
});

describe('mobilePhone', () => {
  it('writes +48 and nine digits in groups of three, accepted by PhoneSchema', () => {
    const r = mulberry32(3);
    for (let i = 0; i < 100; i++) {
      const phone = mobilePhone(r);
      expect(phone).toMatch(/^\+48 [5-8]\d{2} \d{3} \d{3}$/);
      expect(v.safeParse(PhoneSchema, phone).success).toBe(true);
    }
  });
});
