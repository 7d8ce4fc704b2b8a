/**
 * ROUTES-E2E (issue 6): a coordinator on a tablet reorders the stops of a run with the Up/Down
 * buttons and saves; after sync the driver's phone lists the stops in the new order. Screenshots
 * of the editor (tablet), the driver's list (phone), its A4 print (PDF) and the month's meals.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, screenshot, SCREENSHOT_DIR, useDemoCentre } from './harness';

const centre = useDemoCentre();


const TABLET_4_3 = { width: 1024, height: 768 } as const;
const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu główne' });
const syncNow = async (page: Page) => {
  await page.getByRole('button', { name: /Synchronizuj teraz/ }).first().click();
  await page.getByText(/Zsynchronizowano/).first().waitFor();
};

describe('ROUTES-E2E: reordering stops reaches the driver', () => {
  it('the coordinator moves a stop down with the buttons; the driver sees the new order after sync', async () => {
    const driver = await signIn('kierowca', PHONE);
    const unit = await driver.page.getByLabel('Placówka').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    // A day on which the first run has at least two people to pick up.
    const card = driver.page.locator('.pickup').first();
    let steps = 0;
    while ((await card.locator('.pickup__stop').count()) < 2 && steps < 7) {
      await driver.page.getByRole('button', { name: 'Następny dzień' }).click();
      steps += 1;
    }
    const routeName = (await card.locator('.card__title').textContent())!;
    const before = await card.locator('.pickup__name').allTextContents();
    expect(before.length).toBeGreaterThanOrEqual(2);
    const [first, second] = before as [string, string];
    await screenshot(driver.page, 'driver-phone-before');

    const coordinator = await signIn('koordynator', TABLET_4_3);
    await coordinator.page.getByLabel('Placówka').selectOption({ label: unit });
    await menu(coordinator.page).getByRole('link', { name: 'Transport', exact: true }).click();
    await coordinator.page.getByRole('button', { name: 'Trasy i przystanki' }).click();
    await coordinator.page.getByRole('button', { name: new RegExp(`^${routeName} · `) }).click();
    const stops = coordinator.page.getByRole('list', { name: 'Przystanki w kolejności jazdy' });
    await stops.waitFor();
    await screenshot(coordinator.page, 'route-editor-tablet');
    await screenshot(coordinator.page, 'route-editor-tablet-viewport', { fullPage: false });
    const names = async () => stops.locator('li strong').allTextContents();
    // Down until the first person to pick up comes after the second (people not due that day may be between).
    let guard = 0;
    while ((await names()).indexOf(first) < (await names()).indexOf(second) && guard < 40) {
      await coordinator.page.getByRole('button', { name: `W dół: ${first}` }).click();
      guard += 1;
    }
    expect(await coordinator.page.locator('.stop-edit [aria-live="polite"]').textContent()).toMatch(new RegExp(`^${first}: pozycja \\d+ z \\d+$`));
    await coordinator.page.getByRole('button', { name: 'Zapisz trasę' }).click();
    const dialog = coordinator.page.getByRole('dialog', { name: 'Pojazd jest za mały' });
    await Promise.race([coordinator.page.getByText('Trasa zapisana.').waitFor(), dialog.waitFor()]);
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Zapisz mimo to' }).click();
    await coordinator.page.getByText('Trasa zapisana.').waitFor();
    await syncNow(coordinator.page);

    await syncNow(driver.page);
    await expect.poll(async () => {
      const after = await card.locator('.pickup__name').allTextContents();
      return after.indexOf(second) < after.indexOf(first);
    }).toBe(true);
    const after = await card.locator('.pickup__name').allTextContents();
    expect([...after].sort()).toEqual([...before].sort());
    await screenshot(driver.page, 'driver-phone');
    await driver.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(driver.page, 'driver-phone-viewport', { fullPage: false });
    await driver.page.emulateMedia({ media: 'print' });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await driver.page.pdf({ path: join(SCREENSHOT_DIR, 'pickup-print.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });

    await menu(coordinator.page).getByRole('link', { name: 'Posiłki', exact: true }).click();
    await coordinator.page.getByRole('button', { name: 'Miesiąc' }).click();
    await coordinator.page.getByRole('region', { name: 'Uczestnicy (do rozliczenia opłat)' }).waitFor();
    await screenshot(coordinator.page, 'meal-month-tablet');
    await coordinator.page.emulateMedia({ media: 'print' });
    await coordinator.page.pdf({ path: join(SCREENSHOT_DIR, 'meal-month-print.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
  });
});

function signIn(login: string, viewport: { width: number; height: number }) {
  return centre.signIn(login, viewport);
}
