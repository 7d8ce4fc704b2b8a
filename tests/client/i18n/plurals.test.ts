// Polish plurals: one / few / many, the forms a Polish reader notices immediately when wrong.
import { describe, expect, it } from 'vitest';
import { loadCatalog, translatorFor } from '../../../src/client/i18n';

const t = translatorFor('pl');
await loadCatalog('en');
const en = translatorFor('en');

describe('Polish plural forms', () => {
  it.each([
    [1, '1 uczestnik'],
    [2, '2 uczestnicy'],
    [4, '4 uczestnicy'],
    [5, '5 uczestników'],
    [12, '12 uczestników'],
    [13, '13 uczestników'],
    [22, '22 uczestnicy'],
    [25, '25 uczestników'],
    [30, '30 uczestników'],
    [0, '0 uczestników'],
    [101, '101 uczestników'],
    [104, '104 uczestnicy'],
  ])('%i → %s', (count, expected) => {
    expect(t('count.participants', { count })).toBe(expected);
  });

  it.each([
    [1, '1 zmiana'],
    [2, '2 zmiany'],
    [5, '5 zmian'],
    [12, '12 zmian'],
    [22, '22 zmiany'],
  ])('changes waiting: %i → %s', (count, expected) => {
    expect(t('count.changes', { count })).toBe(expected);
  });

  it.each([
    [1, '1 dzień'],
    [2, '2 dni'],
    [5, '5 dni'],
    [21, '21 dni'],
    [22, '22 dni'],
  ])('days: %i → %s', (count, expected) => {
    expect(t('count.days', { count })).toBe(expected);
  });

  it.each([
    [1, '1 rok'],
    [3, '3 lata'],
    [5, '5 lat'],
    [12, '12 lat'],
    [64, '64 lata'],
    [65, '65 lat'],
  ])('years: %i → %s', (count, expected) => {
    expect(t('count.years', { count })).toBe(expected);
  });

  it.each([
    [1, '1 zmiana czeka'],
    [3, '3 zmiany czekają'],
    [5, '5 zmian czeka'],
    [22, '22 zmiany czekają'],
  ])('sync queue sentence agrees with the number: %i → %s', (count, expected) => {
    expect(t('sync.pending', { count })).toBe(expected);
  });

  it('formats large counts with the Polish digit grouping', () => {
    expect(t('count.participants', { count: 12345 })).toBe('12\u00a0345 uczestników');
  });

  it('uses one/other in English', () => {
    expect(en('count.participants', { count: 1 })).toBe('1 participant');
    expect(en('count.participants', { count: 2 })).toBe('2 participants');
    expect(en('count.participants', { count: 22 })).toBe('22 participants');
  });
});
