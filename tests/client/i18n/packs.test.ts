// The strings of lazily loaded screens come in packs: absent until their screen loads them, then
// present in every language in use, also when a language and a pack load at the same time.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type I18n = typeof import('../../../src/client/i18n');

/** A fresh copy of the i18n module: no pack loaded yet (the test setup loads all in the shared one). */
async function freshI18n(): Promise<I18n> {
  vi.resetModules();
  return import('../../../src/client/i18n');
}

describe('message packs', () => {
  let i18n: I18n;
  beforeEach(async () => {
    i18n = await freshI18n();
  });

  it('a screen key is missing until its pack loads, then speaks Polish', async () => {
    expect(() => i18n.translatorFor('pl')('attendance.title')).toThrow(/missing key/);
    await i18n.loadPacks('attendance');
    expect(i18n.translatorFor('pl')('attendance.title')).toBe('Obecność');
  });

  it('switching to English brings the English of the packs already loaded, and later packs come in both', async () => {
    await i18n.loadPacks('attendance');
    await i18n.loadCatalog('en');
    expect(i18n.translatorFor('en')('attendance.title')).toBe('Attendance');
    await i18n.loadPacks('meals');
    expect(i18n.translatorFor('en')('meals.title')).toBe('Meals');
    expect(i18n.translatorFor('pl')('meals.title')).toBe('Posiłki');
  });

  it('a language and a pack requested at once both end up complete', async () => {
    await Promise.all([i18n.loadCatalog('en'), i18n.loadPacks('plan'), i18n.loadPacks('meals', 'plan')]);
    expect(i18n.translatorFor('en')('plan.title')).toBe('Weekly plan');
    expect(i18n.translatorFor('en')('meals.title')).toBe('Meals');
    expect(i18n.catalogFor('pl')['plan.title']).toBe('Plan tygodnia');
  });
});
