import { describe, expect, it } from 'vitest';
import { overlappingPairs, overlaps, unionMinutes, type Timed } from '../../../../src/domain/rules/plan';

const t = (startTime: string, endTime: string): Timed => ({ startTime, endTime });

describe('overlaps (half-open intervals)', () => {
  it.each([
    [t('09:00', '10:00'), t('10:00', '11:00'), false],
    [t('09:00', '10:00'), t('09:59', '11:00'), true],
    [t('09:00', '12:00'), t('10:00', '11:00'), true],
    [t('10:00', '11:00'), t('08:00', '09:30'), false],
    [t('09:00', '10:00'), t('09:00', '10:00'), true],
  ])('%o and %o → %s', (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe('overlappingPairs', () => {
  it('each overlapping pair once, earlier start first', () => {
    const a = t('09:00', '12:00');
    const b = t('10:00', '11:00');
    const c = t('11:00', '13:00');
    const d = t('13:00', '14:00');
    expect(overlappingPairs([d, c, b, a])).toEqual([[a, b], [a, c]]);
  });
});

describe('unionMinutes', () => {
  it.each([
    [[], 0],
    [[t('08:00', '15:00')], 420],
    [[t('08:00', '12:00'), t('11:00', '15:00')], 420],
    [[t('08:00', '09:00'), t('09:00', '10:00')], 120],
    [[t('13:00', '14:00'), t('08:00', '09:30'), t('08:30', '09:00')], 150],
  ] as [Timed[], number][])('%o → %i', (items, expected) => {
    expect(unionMinutes(items)).toBe(expected);
  });
});
