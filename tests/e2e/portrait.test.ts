/**
 * PORTRAIT-E2E (issue 16, item 2): on a portrait tablet (800×1280) the side menu gives way to the
 * bottom bar, whose "Więcej" button opens the rest of the menu (aria-expanded, Escape closes it
 * and gives the focus back), and Obecność shows at least 12 people of the demo centre whole.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useDemoCentre } from './harness';

const PORTRAIT = { width: 800, height: 1280 } as const;
const centre = useDemoCentre();
let page: Page;

/** With the list scrolled to its first person: roster rows whole on screen, not under the fixed bottom bar. */
async function rowsFullyVisible(p: Page): Promise<number> {
  return p.evaluate(() => {
    document.querySelector('li.roster__item')?.scrollIntoView({ block: 'start' });
    const nav = document.querySelector('nav.app-nav');
    const navTop = nav && getComputedStyle(nav).position === 'fixed' ? nav.getBoundingClientRect().top : window.innerHeight;
    const bottom = Math.min(window.innerHeight, navTop);
    return [...document.querySelectorAll('li.roster__item')].filter((li) => {
      const r = li.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= bottom;
    }).length;
  });
}

beforeAll(async () => {
  ({ page } = await centre.signIn('koordynator', PORTRAIT));
  await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Obecność', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Obecność' }).waitFor();
  await page.locator('li.roster__item').nth(11).waitFor({ timeout: 60_000 });
});

describe('PORTRAIT-E2E: a portrait tablet keeps the screen for the people', () => {
  it('shows at least 12 people of Obecność whole, in rows at most 72 px tall with 48 px buttons', async () => {
    await screenshot(page, 'portrait-attendance', { fullPage: false });
    const visible = await rowsFullyVisible(page);
    console.info(`PORTRAIT-E2E: ${visible} people fully visible at 800×1280`);
    expect(visible).toBeGreaterThanOrEqual(12);
    const rows = await page.locator('li.roster__item').evaluateAll((lis) => lis.slice(0, 12).map((li) => li.getBoundingClientRect().height));
    expect(Math.max(...rows)).toBeLessThanOrEqual(72);
    const buttons = await page.locator('li.roster__item button').evaluateAll((bs) => bs.slice(0, 24).map((b) => Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height)));
    expect(Math.min(...buttons)).toBeGreaterThanOrEqual(48);
    // Every name whole: two people of one surname must be told apart.
    const cut = await page.locator('li.roster__item .roster__name').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent));
    expect(cut).toEqual([]);
  });

  it('opens the rest of the menu from a 48 px button; Escape closes it and returns the focus', async () => {
    const nav = page.getByRole('navigation', { name: 'Menu główne' });
    const more = nav.getByRole('button', { name: 'Więcej' });
    const box = await more.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    expect(box!.width).toBeGreaterThanOrEqual(48);
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    const controls = await more.getAttribute('aria-controls');
    expect(controls).toBeTruthy();
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    const reports = page.locator(`#${controls}`).getByRole('link', { name: 'Raporty', exact: true });
    expect(await reports.isVisible()).toBe(true);
    await screenshot(page, 'portrait-menu-open', { fullPage: false });
    await reports.focus();
    await page.keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await reports.isVisible()).toBe(false);
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
