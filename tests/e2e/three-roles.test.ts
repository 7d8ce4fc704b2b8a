/**
 * ROLES-E2E (issue 6): three Chromium contexts against the real server — a coordinator, a driver
 * (phone) and the kitchen. The coordinator records an absence notice for the next open day; after
 * sync the person is off the driver's list for that day and the kitchen's count for that day drops
 * by one in the person's diet. The driver's device never received a certificate or a PESEL
 * (checked in its IndexedDB).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, screenshot, useDemoCentre } from './harness';


const centre = useDemoCentre();
const signIn = (login: string, viewport?: { width: number; height: number }) => centre.signIn(login, viewport);

const syncNow = async (page: Page) => {
  await page.getByRole('button', { name: /Synchronizuj teraz/ }).first().click();
  await page.getByText(/Zsynchronizowano/).first().waitFor();
};
const nextDay = (page: Page) => page.getByRole('button', { name: 'Następny dzień' }).click();
const selectUnit = (page: Page, name: string) => page.getByLabel('Placówka').selectOption({ label: name });

describe('ROLES-E2E: coordinator, driver and kitchen', () => {
  it('a notice for the next open day reaches the driver’s list and the kitchen’s count, and the driver holds no health data', async () => {
    const pages: Record<string, Page> = {};
    try {
      await scenario(pages);
    } catch (error) {
      // A rare failure under load has not been reproduced yet: keep what each device showed.
      for (const [who, page] of Object.entries(pages)) {
        await screenshot(page, `three-roles-failure-${who}`).catch(() => undefined);
        const lines = await page.evaluate(() => [...document.querySelectorAll('[role=alert],[role=status],.screen__subtitle')].map((n) => n.textContent?.trim()).filter(Boolean)).catch(() => []);
        console.error(`three-roles failure, ${who} at ${page.url()}:`, lines);
      }
      throw error;
    }
  });
});

/** The scenario; `pages` collects each device's page for the failure report. */
async function scenario(pages: Record<string, Page>): Promise<void> {
  const driver = await signIn('kierowca', PHONE);
  pages.driver = driver.page;
  const unit = await driver.page.getByLabel('Placówka').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
  // The next day on which the run goes (weekends and holidays have no run).
  let steps = 0;
  do {
    await nextDay(driver.page);
    steps += 1;
  } while ((await driver.page.locator('.pickup__stop').count()) === 0 && steps < 6);
  const name = (await driver.page.locator('.pickup__name').first().textContent())!;
  const toServe = await driver.page.locator('.pickup__count').first().textContent();

  const coordinator = await signIn('koordynator');
  pages.coordinator = coordinator.page;
  await selectUnit(coordinator.page, unit);
  await coordinator.page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Uczestnicy', exact: true }).click();
  await coordinator.page.getByLabel('Szukaj (imię, nazwisko, PESEL, telefon)').fill(name);
  const card = coordinator.page.locator('.person').first();
  const diet = (await card.locator('dt', { hasText: 'Dieta' }).locator('xpath=following-sibling::dd').textContent())!;

  const kitchen = await signIn('kuchnia');
  pages.kitchen = kitchen.page;
  await selectUnit(kitchen.page, unit);
  await kitchen.page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Posiłki' }).click();
  for (let i = 0; i < steps; i += 1) await nextDay(kitchen.page);
  // The unit's own diet list, not the totals of the card across every unit the kitchen cooks for.
  const dietCount = () => kitchen.page.locator('.diet-list__item:not(section[aria-labelledby="kitchen-day"] *)', { hasText: diet }).locator('.diet-list__count').textContent();
  const total = () => kitchen.page.locator('.big-number').textContent();
  const beforeDiet = Number(await dietCount());
  const beforeTotal = await total();

  await coordinator.page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Obecność' }).click();
  for (let i = 0; i < steps; i += 1) await nextDay(coordinator.page);
  await coordinator.page.getByLabel('Uczestnik').selectOption({ label: name.split(' ').reverse().join(' ') });
  await coordinator.page.getByLabel('Powód', { exact: true }).selectOption('illness');
  await coordinator.page.getByLabel('Kto zgłosił').fill('córka');
  await coordinator.page.getByRole('button', { name: 'Zapisz zgłoszenie' }).click();
  await coordinator.page.getByText(/Zgłoszenie zapisane/).waitFor();
  await syncNow(coordinator.page);

  await syncNow(driver.page);
  // Both runs of the day (to the centre and home) leave the person out.
  const skipped = driver.page.locator('.pickup__skipped .plain-list__item', { hasText: name }).first();
  await skipped.waitFor();
  expect(await skipped.textContent()).toMatch(/zgłoszona nieobecność/);
  expect(await driver.page.locator('.pickup__name', { hasText: name }).count()).toBe(0);
  expect(await driver.page.locator('.pickup__count').first().textContent()).not.toBe(toServe);
  await screenshot(driver.page, 'driver-phone');

  await syncNow(kitchen.page);
  await expect.poll(async () => Number(await dietCount())).toBe(beforeDiet - 1);
  expect(Number((await total())!.match(/\d+/)![0])).toBe(Number(beforeTotal!.match(/\d+/)![0]) - 1);

  const keys = await driver.page.evaluate(() => new Promise<string[]>((resolve) => {
    const open = indexedDB.open('obecni');
    open.onsuccess = () => {
      const all = open.result.transaction('participants').objectStore('participants').getAll();
      all.onsuccess = () => resolve([...new Set((all.result as Record<string, unknown>[]).flatMap((r) => Object.keys(r)))]);
    };
  }));
  expect(keys).toContain('address');
  for (const k of ['pesel', 'birthDate', 'disabilityCertificate', 'rehabPlan', 'diet', 'allergies', 'notes']) expect(keys).not.toContain(k);
}
