/**
 * SYNC-E2E: two tablets and the real server. Tablet A (therapist) is offline and ticks a person
 * present; tablet B (coordinator) is online and marks the same person absent a moment later.
 * When A comes back, both show the same final mark (the later change wins, per field) and the
 * history on the server lists both changes, A's as superseded.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoCentre } from './harness';

const centre = useDemoCentre();
const tablets: { context: BrowserContext; page: Page }[] = [];

const signIn = (login: string) => centre.signIn(login);

async function openAttendance(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Obecność' }).click();
  await page.locator('.roster__item').first().waitFor();
}

const row = (page: Page, name: string) => page.locator('.roster .roster__item', { has: page.locator('.roster__name', { hasText: name }) });
const badge = (page: Page, name: string) => row(page, name).locator('.badge').textContent();

describe('SYNC-E2E: the same person ticked differently on two tablets', () => {
  it('ends with the same mark on both tablets, and the history shows both changes', async () => {
    const a = await signIn('terapeuta');
    const b = await signIn('koordynator');
    tablets.push(a, b);
    // B looks at the same unit as A.
    const unit = await a.page.getByLabel('Placówka').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    await b.page.getByLabel('Placówka').selectOption({ label: unit });
    await openAttendance(a.page);
    await openAttendance(b.page);
    const name = (await a.page.locator('.roster .roster__name').first().textContent())!;

    await a.context.setOffline(true);
    await row(a.page, name).getByRole('button', { name: /^Obecny:/ }).click();
    await expect.poll(() => badge(a.page, name)).toBe('obecność');

    await row(b.page, name).getByRole('button', { name: /^Więcej opcji:/ }).click();
    await b.page.getByLabel('Nieobecny').check();
    await b.page.getByLabel('Powód nieobecności').selectOption('illness');
    await b.page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await expect.poll(() => badge(b.page, name)).toBe('nieobecność');
    await b.page.getByRole('button', { name: /Synchronizuj teraz/ }).click();
    await b.page.getByText(/Zsynchronizowano/).first().waitFor();

    await a.context.setOffline(false);
    await a.page.getByRole('button', { name: /Synchronizuj teraz/ }).click();
    await expect.poll(() => badge(a.page, name), { timeout: 30_000 }).toBe('nieobecność');
    await b.page.getByRole('button', { name: /Synchronizuj teraz/ }).click();
    await expect.poll(() => badge(b.page, name), { timeout: 30_000 }).toBe('nieobecność');

    await row(a.page, name).getByRole('button', { name: /^Więcej opcji:/ }).click();
    await a.page.getByRole('button', { name: 'Pokaż historię zmian' }).click();
    const items = a.page.locator('.history__item');
    await items.first().waitFor();
    expect(await items.count()).toBe(2);
    expect(await items.allTextContents()).toEqual([
      expect.stringMatching(/obecność: — → nieobecność/),
      expect.stringMatching(/zastąpiona późniejszą zmianą/),
    ]);
  });
});
