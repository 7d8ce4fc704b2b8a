/**
 * CLOCK-E2E (issue 13.1): a tablet whose clock is three days ahead (the page's Date shifted by an
 * init script). After sign-in it shows "Zegar tabletu spieszy się o 3 dni: popraw datę i godzinę
 * w ustawieniach", counts "today" by the server's clock, and the marks it makes reach the server
 * for the real today, stamped at the real time (not three days ahead, which would freeze them).
 * Real server on PGlite, real Chromium, real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dayInTimeZone, parseHlc } from '../../src/domain';
import { PROTOCOL_VERSION, type PullResponse, type SessionInfo } from '../../src/protocol';
import { accessToken, launchBrowser, newAppContext, startDemoServer, type RunningServer } from './harness';

const PASSWORD = 'obecni-demo-2026';
const SHIFT_MS = 3 * 24 * 3_600_000;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  context = await newAppContext(browser);
  // The tablet's clock is three days ahead: every Date in the page reads it.
  await context.addInitScript((shift: number) => {
    const RealDate = Date;
    class TabletDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(RealDate.now() + shift);
        else super(...(args as [string]));
      }
      static override now(): number {
        return RealDate.now() + shift;
      }
    }
    globalThis.Date = TabletDate as DateConstructor;
  }, SHIFT_MS);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(login: string): Promise<SessionInfo> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD, deviceName: 'test' }),
  });
  return (await res.json()) as SessionInfo;
}

/** The day marks the server holds, as the administrator pulls them. */
async function serverMarks(): Promise<PullResponse['changes']> {
  const admin = await signIn('admin');
  const token = await accessToken(server.url, admin.deviceToken);
  const marks: PullResponse['changes'] = [];
  for (let since = 0, more = true; more;) {
    const res = await fetch(`${server.url}/api/v1/sync/pull?since=${since}&limit=2000&protocolVersion=${PROTOCOL_VERSION}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as PullResponse;
    marks.push(...body.changes.filter((c) => c.entity === 'dayMarks'));
    since = body.cursor;
    more = body.hasMore;
  }
  return marks;
}

describe('CLOCK-E2E: a tablet whose clock is three days ahead', () => {
  it('shows the clock banner after sign-in, and its marks sync for the real today at the real time', async () => {
    expect(await page.evaluate(() => Date.now())).toBeGreaterThan(Date.now() + SHIFT_MS - 60_000);
    await page.goto(server.url);
    await page.getByLabel('Login').fill('terapeuta');
    await page.getByLabel('Hasło').fill(PASSWORD);
    await page.getByRole('button', { name: 'Zaloguj', exact: true }).click();
    await page.getByText(/Zsynchronizowano/).first().waitFor({ timeout: 60_000 });
    await page.getByText('Zegar tabletu spieszy się o 3 dni: popraw datę i godzinę w ustawieniach').waitFor();

    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Obecność' }).click();
    await page.getByRole('heading', { name: 'Osoby oczekiwane w placówce tego dnia.' }).waitFor();
    const roster = page.locator('.roster').first();
    const names = (await roster.locator('.roster__name').allTextContents()).slice(0, 3);
    expect(names).toHaveLength(3);
    for (const name of names) {
      const row = roster.locator('.roster__item', { has: page.locator('.roster__name', { hasText: name }) });
      await row.getByRole('button', { name: /^Obecny:/ }).click();
      await expect.poll(async () => row.locator('.badge').textContent()).toBe('obecność');
    }
    await page.getByRole('button', { name: 'Synchronizuj teraz' }).click();
    await expect.poll(async () => page.locator('.app-header .sync-badge').textContent(), { timeout: 60_000 }).toMatch(/^Zsynchronizowano/);

    const today = dayInTimeZone(Date.now(), 'Europe/Warsaw');
    const therapist = (await signIn('terapeuta')).user.id;
    const mine = (await serverMarks()).filter((c) => c.data.changedBy === therapist);
    // The three marks, of the real today, stamped at the real time (a minute's slack), not three days ahead.
    expect(mine.map((c) => [c.data.day, c.data.status])).toEqual(names.map(() => [today, 'present']));
    for (const c of mine) expect(parseHlc(String(c.data.hlc)).wall).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(await page.getByText(/niewysłane|odrzucił|wyprzedzał/).count()).toBe(0);
  }, 180_000);
});
