/**
 * Storage on a tablet, in Chromium against the real server (demo centre on PGlite), simulating
 * what Chromium can:
 * PERSIST-E2E (issue 17.2): a browser that does not grant persistent storage is asked again at
 * every start; the header and Settings say the storage is not persistent. QUOTA-E2E: with the
 * quota the page sees set so the real data fills 85 % of it (see QUOTA_FROM_TEST), a banner
 * warns before writes fail. PRIVATE-E2E (17.7): a tiny quota without persistence warns on the
 * sign-in page. CONN-LOST-E2E (17.3): the database closed under the app while a tick is written is
 * reopened and the tick saved; closed at every try, the alert offers "Uruchom ponownie", and the
 * next good tick clears it. OTHER-TAB-E2E (17.6): "Synchronizuj teraz" while another tab holds the
 * sync lock says "Synchronizuje inna karta", then shows the outcome.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, newAppContext, screenshot, useDemoCentre, waitForServiceWorkerControl } from './harness';

const centre = useDemoCentre();

/** The browser refuses persistent storage; each call to persist() is counted in localStorage. */
const REFUSE_PERSISTENCE = () => {
  StorageManager.prototype.persist = function persist() {
    localStorage.setItem('test.persistCalls', String(Number(localStorage.getItem('test.persistCalls') ?? 0) + 1));
    return Promise.resolve(false);
  };
  StorageManager.prototype.persisted = () => Promise.resolve(false);
};

/**
 * The next `window.__closeOnWrite` write transactions that touch the outbox find their database
 * connection closed under them (what iOS does after the background).
 */
const CLOSE_ON_WRITE = () => {
  const original = IDBDatabase.prototype.transaction;
  (window as unknown as { __closeOnWrite: number }).__closeOnWrite = 0;
  IDBDatabase.prototype.transaction = function transaction(this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
    const w = window as unknown as { __closeOnWrite: number };
    if (w.__closeOnWrite > 0 && mode === 'readwrite' && ([] as string[]).concat(stores).includes('outbox')) {
      w.__closeOnWrite -= 1;
      this.close();
    }
    return original.call(this, stores, mode, options);
  } as typeof IDBDatabase.prototype.transaction;
};

/**
 * The quota the page sees, set through localStorage `test.quota` (bytes). CDP's
 * Storage.overrideQuotaForOrigin answers but changes nothing that navigator.storage.estimate()
 * reports in Chromium 156 headless (tried on page and browser targets, in incognito and
 * persistent profiles), so the estimate is overridden in the page instead; the usage is real.
 */
const QUOTA_FROM_TEST = () => {
  const original = StorageManager.prototype.estimate;
  StorageManager.prototype.estimate = async function estimate(this: StorageManager) {
    const real = await original.call(this);
    const quota = Number(localStorage.getItem('test.quota') ?? 0);
    return quota > 0 ? { ...real, quota } : real;
  };
};

async function overrideQuota(page: Page, quotaSize: number): Promise<void> {
  await page.evaluate((q) => localStorage.setItem('test.quota', String(q)), quotaSize);
}

const attendanceRow = (p: Page, i: number) => p.locator('.roster').first().locator('.roster__item').nth(i);

async function openAttendance(p: Page): Promise<void> {
  await p.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Obecność' }).click();
  await attendanceRow(p, 0).waitFor();
}

function outboxCount(p: Page): Promise<number> {
  return p.evaluate(() => new Promise<number>((done, fail) => {
    const req = indexedDB.open('obecni');
    req.onsuccess = () => {
      const db = req.result;
      const count = db.transaction('outbox', 'readonly').objectStore('outbox').count();
      count.onsuccess = () => {
        db.close();
        done(count.result);
      };
    };
    req.onerror = () => fail(req.error);
  }));
}

describe('storage on a tablet', () => {
  it('PERSIST-E2E, QUOTA-E2E: asks for persistence at every start, says it is not granted, warns at 80 % of the quota', async () => {
    const context = await newAppContext(centre.browser);
    await context.addInitScript(REFUSE_PERSISTENCE);
    await context.addInitScript(QUOTA_FROM_TEST);
    const page = await context.newPage();
    await page.goto(centre.server.url);
    await page.getByLabel('Login').fill('terapeuta');
    await page.getByLabel('Hasło').fill('obecni-demo-2026');
    await page.getByRole('button', { name: 'Zaloguj', exact: true }).click();
    await page.getByText(/Zsynchronizowano/).first().waitFor({ timeout: 60_000 });
    const errors = collectPageErrors(page);
    const calls = () => page.evaluate(() => Number(localStorage.getItem('test.persistCalls') ?? 0));
    await expect.poll(calls).toBeGreaterThanOrEqual(1);
    const before = await calls();
    await page.reload();
    await page.getByRole('navigation', { name: 'Menu główne' }).waitFor();
    await expect.poll(calls).toBeGreaterThan(before);
    await page.getByText('· pamięć nietrwała — przeglądarka może usunąć dane').waitFor();
    await page.goto(`${centre.server.url}/ustawienia`);
    await page.getByText('Trwałe przechowywanie: nie').waitFor();

    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    expect(usage).toBeGreaterThan(0);
    await overrideQuota(page, Math.ceil(usage / 0.85));
    await page.reload();
    await page.getByText(/Pamięć urządzenia jest prawie pełna: zajęte 8\d%/).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'storage-nearly-full', { fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('PRIVATE-E2E: a tiny quota without persistence warns on the sign-in page', async () => {
    const context = await newAppContext(centre.browser);
    await context.addInitScript(REFUSE_PERSISTENCE);
    await context.addInitScript(QUOTA_FROM_TEST);
    const page = await context.newPage();
    await page.goto(centre.server.url);
    await overrideQuota(page, 60 * 1024 * 1024);
    await page.reload();
    await page.getByLabel('Login').waitFor();
    await page.getByText(/To okno przeglądarki nie zapisuje danych trwale i ma bardzo mało miejsca \(60 MB\)/).waitFor();
    await screenshot(page, 'storage-private-window');
    await context.close();
  });

  it('CONN-LOST-E2E: a connection closed under a tick is reopened and the tick saved; closed at every try, "Uruchom ponownie", cleared by the next good tick', async () => {
    const { context, page } = await centre.signIn('terapeuta');
    await context.addInitScript(CLOSE_ON_WRITE);
    await page.reload();
    // Offline, the attendance screen's code comes from the service worker's cache.
    await waitForServiceWorkerControl(page);
    await context.setOffline(true);
    await openAttendance(page);
    const close = (n: number) => page.evaluate((count) => { (window as unknown as { __closeOnWrite: number }).__closeOnWrite = count; }, n);

    await close(1);
    await attendanceRow(page, 0).getByRole('button', { name: /^Obecny:/ }).click();
    await expect.poll(() => attendanceRow(page, 0).locator('.badge').textContent()).toBe('obecność');
    expect(await outboxCount(page)).toBe(1);
    expect(await page.getByRole('button', { name: 'Uruchom ponownie' }).count()).toBe(0);

    // Closed again at every try (Dexie itself reopens a few times before it gives up).
    await close(100);
    await attendanceRow(page, 1).getByRole('button', { name: /^Obecny:/ }).click();
    await page.getByRole('button', { name: 'Uruchom ponownie' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Problem z pamięcią urządzenia' }).getByText(/Przeglądarka zerwała połączenie z danymi/).waitFor();
    const box = await page.getByRole('button', { name: 'Uruchom ponownie' }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    await screenshot(page, 'storage-connection-lost', { fullPage: false });
    expect(await outboxCount(page)).toBe(1);

    await close(0);
    await attendanceRow(page, 2).getByRole('button', { name: /^Obecny:/ }).click();
    await page.getByRole('button', { name: 'Uruchom ponownie' }).waitFor({ state: 'detached' });
    await expect.poll(() => outboxCount(page)).toBe(2);
    await context.close();
  });

  it('OTHER-TAB-E2E: "Synchronizuj teraz" while another tab syncs says so, then shows the outcome', async () => {
    const { context, page: first } = await centre.signIn('terapeuta');
    const second = await context.newPage();
    await second.goto(centre.server.url);
    await second.getByText(/Zsynchronizowano/).first().waitFor({ timeout: 60_000 });
    // The first tab holds the sync lock, as during a long run.
    await first.evaluate(() => {
      void navigator.locks.request('obecni-sync', () => new Promise<void>((release) => { (window as unknown as { __release: () => void }).__release = release; }));
    });
    await second.getByRole('button', { name: 'Synchronizuj teraz' }).click();
    await second.getByText(/^Synchronizuje inna karta · Zsynchronizowano/).first().waitFor();
    await screenshot(second, 'sync-other-tab', { fullPage: false });
    await first.evaluate(() => (window as unknown as { __release: () => void }).__release());
    await expect.poll(() => second.locator('.app-header .sync-badge').textContent()).toMatch(/^Zsynchronizowano/);
    await context.close();
  });
});
