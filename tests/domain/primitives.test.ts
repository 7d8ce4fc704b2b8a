import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  DaySchema, IdSchema, NameSchema, PeselSchema, PhoneSchema, TimeSchema, WeekdaySchema, birthDateFromPesel, isDay,
  isPeselChecksumValid,
} from '../../src/domain/primitives';

const ok = (schema: v.GenericSchema, value: unknown) => v.safeParse(schema, value).success;

describe('isDay / DaySchema', () => {
  it.each([
    ['2026-05-13', true], ['2024-02-29', true], ['2025-02-29', false], ['2000-02-29', true], ['1900-02-29', false],
    ['2026-04-31', false], ['2026-12-31', true], ['2026-13-01', false], ['2026-00-10', false], ['2026-01-00', false],
    ['2026-1-5', false], ['2026-05-13T00:00', false], ['', false],
  ])('%s → %s', (s, valid) => {
    expect(isDay(s)).toBe(valid);
    expect(ok(DaySchema, s)).toBe(valid);
  });
});

describe('TimeSchema', () => {
  it.each([['00:00', true], ['08:05', true], ['23:59', true], ['24:00', false], ['8:00', false], ['12:60', false]])('%s → %s', (s, valid) => {
    expect(ok(TimeSchema, s)).toBe(valid);
  });
});

describe('WeekdaySchema', () => {
  it.each([[1, true], [7, true], [0, false], [8, false], [2.5, false], ['1', false]])('%s → %s', (w, valid) => {
    expect(ok(WeekdaySchema, w)).toBe(valid);
  });
});

describe('PhoneSchema', () => {
  it.each([
    ['+48 601 234 567', true], ['601234567', true], ['+48 22 123-45-67', true], ['  +48 601 234 567 ', true],
    ['601 23', false], ['tel. 601 234 567', false], ['+48 601 234 567 -', false], ['', false],
  ])('%j → %s', (s, valid) => {
    expect(ok(PhoneSchema, s)).toBe(valid);
  });
});

describe('IdSchema and NameSchema', () => {
  it.each([
    ['019e2022-9d80-7dec-a119-d54780aaad73', true], ['dm:abc:2026-05-13', true], ['a b', false], ['', false],
    ['x'.repeat(121), false], ['id/../x', false],
  ])('id %j → %s', (s, valid) => {
    expect(ok(IdSchema, s)).toBe(valid);
  });

  it('trims names and rejects empty or long ones', () => {
    expect(v.parse(NameSchema, '  Łucja ')).toBe('Łucja');
    expect(ok(NameSchema, '   ')).toBe(false);
    expect(ok(NameSchema, 'x'.repeat(101))).toBe(false);
  });
});

describe('PESEL', () => {
  // Check digits worked out by hand: weights 1 3 7 9 1 3 7 9 1 3, check = (10 - sum mod 10) mod 10.
  it.each([
    ['44051401359', true, '1944-05-14'],
    ['02070803628', true, '1902-07-08'],
    ['02270803624', true, '2002-07-08'],
    ['99921512347', true, '1899-12-15'],
    ['44051401358', false, '1944-05-14'],
    ['01023012346', true, null], // checksum fine, but 30 February does not exist
  ])('%s: checksum %s, born %s', (pesel, checksum, birth) => {
    expect(isPeselChecksumValid(pesel)).toBe(checksum);
    expect(birthDateFromPesel(pesel)).toBe(birth);
    expect(ok(PeselSchema, pesel)).toBe(checksum && birth !== null);
  });

  it.each(['4405140135', '440514013590', '4405140135a', ''])('rejects malformed %j', (pesel) => {
    expect(isPeselChecksumValid(pesel)).toBe(false);
    expect(birthDateFromPesel(pesel)).toBeNull();
    expect(ok(PeselSchema, pesel)).toBe(false);
  });
});
