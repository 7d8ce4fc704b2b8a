/**
 * FOUND-E2E: the foundation in a real Chromium against the real server (PGlite, HTTP): the Polish
 * first-run page, the demo load, every section reachable from the menu, axe-core on the main
 * screens, touch targets, and after one visit the app opening, navigating and keeping its data
 * with the network off and the server down. Screenshots at tablet and phone size go to
 * test-results/screenshots for people to look at.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR, startServer, type RunningServer } from './harness';

const TABLET = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function shoot(name: string, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  await page.setViewportSize(TABLET);
}

/** axe-core violations (WCAG 2.1 A and AA) of the current page, as "rule: target" strings. */
async function axe(): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
    const result = await w.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

const menu = () => page.getByRole('navigation', { name: 'Menu główne' });

async function go(section: string, heading: string): Promise<void> {
  await menu().getByRole('link', { name: section }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: TABLET, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('FOUND-E2E: first run, navigation and offline', () => {
  it('shows the Polish first-run page on an empty server, without axe violations', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Witamy w Obecni' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    await page.getByRole('heading', { name: 'Utwórz ośrodek' }).waitFor();
    await page.getByRole('button', { name: 'Załaduj centrum demonstracyjne' }).waitFor();
    expect(await axe()).toEqual([]);
    await shoot('first-run-tablet', TABLET);
    await shoot('first-run-phone', PHONE);
  });

  it('loads the demo centre and opens the Today screen of a unit', async () => {
    await page.getByRole('button', { name: 'Załaduj centrum demonstracyjne' }).click();
    await page.getByText('Dziś', { exact: true }).first().waitFor();
    await page.getByText(/Zsynchronizowano/).first().waitFor({ timeout: 60_000 });
    await page.locator('.tile__value').first().waitFor();
    expect(Number(await page.locator('.tile--expected .tile__value').textContent())).toBeGreaterThan(0);
    expect(await axe()).toEqual([]);
    await shoot('today-tablet', TABLET);
    await shoot('today-phone', PHONE);
  });

  it('reaches every section from the menu, each without axe violations', async () => {
    for (const [link, heading] of [
      ['Obecność', 'Obecność'], ['Plan tygodnia', 'Plan tygodnia'], ['Uczestnicy', 'Uczestnicy'], ['Transport', 'Transport'],
      ['Posiłki', 'Posiłki'], ['Raporty', 'Raporty'], ['Ustawienia', 'Ustawienia'],
    ] as const) {
      await go(link, heading);
      expect(await axe(), link).toEqual([]);
    }
    await menu().getByRole('link', { name: 'Dziś' }).click();
    await page.locator('.tile--expected').waitFor();
  });

  it('keeps controls of the header and the menu at least 48 px high', async () => {
    const small = await page.evaluate(() => [...document.querySelectorAll('.app-header button, .app-header select, .app-header a, nav a, nav button')]
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ text: (e.textContent ?? '').trim() || e.getAttribute('aria-label') || e.tagName, h: e.getBoundingClientRect().height }))
      .filter((e) => e.h < 48));
    expect(small).toEqual([]);
  });

  it('switches the unit from the header', async () => {
    const switcher = page.getByLabel('Placówka');
    const options = await switcher.locator('option').allTextContents();
    expect(options.length).toBeGreaterThanOrEqual(3);
    const before = await page.locator('.screen__subtitle').first().textContent();
    const other = options.find((o) => !before?.includes(o))!;
    await switcher.selectOption({ label: other });
    await expect.poll(() => page.locator('.screen__subtitle').first().textContent()).toContain(other);
  });

  it('after one visit opens, navigates and keeps its data with the network off and the server down', async () => {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 }).catch(async () => {
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    });
    await go('Uczestnicy', 'Uczestnicy');
    const items = page.locator('main').getByRole('listitem');
    await items.first().waitFor();
    const people = await items.allTextContents();
    expect(people.length).toBeGreaterThan(5);
    await menu().getByRole('link', { name: 'Dziś' }).click();
    const subtitle = await page.locator('.screen__subtitle').first().textContent();
    const expected = await page.locator('.tile--expected .tile__value').textContent();

    await context.setOffline(true);
    await server.stop();
    await page.reload();
    await page.locator('.tile--expected .tile__value').waitFor();
    expect(await page.locator('.screen__subtitle').first().textContent()).toBe(subtitle);
    expect(await page.locator('.tile--expected .tile__value').textContent()).toBe(expected);
    await page.getByText('Offline').first().waitFor();

    await go('Uczestnicy', 'Uczestnicy');
    await expect.poll(() => items.allTextContents()).toEqual(people);
    await page.goto(`${server.url}/uczestnicy`);
    await page.getByRole('heading', { level: 1, name: 'Uczestnicy' }).waitFor();
    await expect.poll(() => items.allTextContents()).toEqual(people);
    await shoot('offline-participants-tablet', TABLET);

    await server.restart();
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Synchronizuj teraz' }).click();
    await page.getByText(/Zsynchronizowano/).first().waitFor({ timeout: 60_000 });
  });
});
