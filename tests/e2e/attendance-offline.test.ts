/**
 * ATT-E2E: a therapist on a tablet, offline, marks ten people (present, late with a time, absent
 * with a reason, excused), reloads the page and finds every mark as left; when the network and
 * the server are back, the marks reach the server. The Today screen shows the demo data's
 * certificate and long-absence reminders. Real server on PGlite, real Chromium, real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { dayInTimeZone } from '../../src/domain';
import { PROTOCOL_VERSION, type PullResponse, type SessionInfo } from '../../src/protocol';
import { accessToken, launchBrowser, startServer, loadDemoThroughApi, type RunningServer } from './harness';

const PASSWORD = 'obecni-demo-2026';
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const roster = () => page.locator('.roster').first();
const rowOf = (name: string): Locator => roster().locator('.roster__item', { has: page.locator('.roster__name', { hasText: name }) });

async function badgeOf(name: string): Promise<string> {
  return (await rowOf(name).locator('.badge').textContent()) ?? '';
}

async function openAttendance(): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Obecność' }).click();
  await page.getByRole('heading', { name: 'Osoby oczekiwane w placówce tego dnia.' }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  const res = await loadDemoThroughApi(server);
  expect(res.status).toBe(200);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('ATT-E2E: offline attendance on a tablet', () => {
  it('signs in as the therapist and sees the reminders of the demo data', async () => {
    await page.goto(server.url);
    await page.getByLabel('Login').fill('terapeuta');
    await page.getByLabel('Hasło').fill(PASSWORD);
    await page.getByRole('button', { name: 'Zaloguj', exact: true }).click();
    await page.getByText(/Zsynchronizowano/).first().waitFor({ timeout: 60_000 });
    const reminders = page.locator('section', { has: page.getByRole('heading', { name: 'Przypomnienia' }) });
    await reminders.getByText(/Orzeczenie o niepełnosprawności/).first().waitFor();
    await reminders.getByText(/Nieobecność: \d+ dni/).first().waitFor();
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready) && navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
      .catch(async () => {
        await page.reload();
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      });
  });

  it('marks ten people offline, reloads, and finds every mark as left', async () => {
    await context.setOffline(true);
    await server.stop();
    await openAttendance();
    const names = await roster().locator('.roster__name').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(10);
    const [late, absent1, absent2, excused, ...rest] = names.slice(0, 10) as [string, string, string, string, ...string[]];
    const present = rest.slice(0, 6);

    for (const name of present) {
      await rowOf(name).getByRole('button', { name: /^Obecny:/ }).click();
      await expect.poll(() => badgeOf(name)).toBe('obecność');
    }
    const details = async (name: string) => rowOf(name).getByRole('button', { name: /^Więcej opcji:/ }).click();

    await details(late);
    await page.getByLabel('Godzina przyjścia', { exact: true }).fill('09:35');
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await expect.poll(() => rowOf(late).locator('.roster__meta').textContent()).toContain('przyjście 09:35');

    for (const [name, reason] of [[absent1, 'hospital'], [absent2, 'illness']] as const) {
      await details(name);
      await page.getByLabel('Nieobecny').check();
      await page.getByLabel('Powód nieobecności').selectOption(reason);
      await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
      await expect.poll(() => badgeOf(name)).toBe('nieobecność');
    }

    await details(excused);
    await page.getByLabel('Usprawiedliwiony').check();
    await page.getByLabel('Powód nieobecności').selectOption('family');
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await expect.poll(() => badgeOf(excused)).toBe('nieobecność usprawiedliwiona');

    await page.reload();
    await openAttendance();
    for (const name of present) expect(await badgeOf(name)).toBe('obecność');
    expect(await badgeOf(late)).toBe('obecność');
    expect(await rowOf(late).locator('.roster__meta').textContent()).toContain('przyjście 09:35');
    expect(await badgeOf(absent1)).toBe('nieobecność');
    expect(await rowOf(absent1).locator('.roster__meta').textContent()).toContain('pobyt w szpitalu');
    expect(await rowOf(absent2).locator('.roster__meta').textContent()).toContain('choroba');
    expect(await badgeOf(excused)).toBe('nieobecność usprawiedliwiona');
    expect(await rowOf(excused).locator('.roster__meta').textContent()).toContain('sprawy rodzinne');
    await page.getByText(/10 zmian czeka/).first().waitFor();
  });

  it('sends the marks when the server and the network are back', async () => {
    await server.restart();
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Synchronizuj teraz' }).click();
    await page.getByText(/Zsynchronizowano/).first().waitFor({ timeout: 60_000 });
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: PASSWORD, deviceName: 'test' }),
    });
    const admin = (await login.json()) as SessionInfo;
    const marks: PullResponse['changes'] = [];
    const token = await accessToken(server.url, admin.deviceToken);
    for (let since = 0, more = true; more;) {
      const res = await fetch(`${server.url}/api/v1/sync/pull?since=${since}&limit=2000&protocolVersion=${PROTOCOL_VERSION}`, { headers: { authorization: `Bearer ${token}` } });
      const pageOf = (await res.json()) as PullResponse;
      marks.push(...pageOf.changes.filter((c) => c.entity === 'dayMarks'));
      since = pageOf.cursor;
      more = pageOf.hasMore;
    }
    const today = dayInTimeZone(Date.now(), 'Europe/Warsaw');
    const todays = marks.filter((c) => c.data.day === today && !c.deleted);
    const statuses = todays.map((c) => String(c.data.status)).sort();
    expect(statuses).toEqual([...Array(2).fill('absent'), 'excused', ...Array(7).fill('present')]);
    expect(todays.filter((c) => c.data.arrivalTime === '09:35')).toHaveLength(1);
    expect(todays.map((c) => c.data.absenceReason).filter(Boolean).sort()).toEqual(['family', 'hospital', 'illness']);
  });
});
