/**
 * Faults on the tablet itself, in Chromium against the real server (demo centre on PGlite):
 * FAULT-CLOSE: the page is closed while attendance writes are still running; reopened, every tick
 * the screen had confirmed is there, and no mark exists without its outbox entry or the other way
 * round (nothing half-written). FAULT-UPGRADE: a newer version of the app upgrades the database in
 * another tab; the open tab closes its connection, shows the Polish alert with a reload button, and
 * the upgraded database still holds every mark and every waiting change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser, signInDemo, startDemoServer, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const roster = (p: Page) => p.locator('.roster').first();

async function openAttendance(p: Page): Promise<void> {
  await p.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Obecność' }).click();
  await p.getByRole('heading', { name: 'Osoby oczekiwane w placówce tego dnia.' }).waitFor();
  await roster(p).locator('.roster__item').first().waitFor();
}

interface Snapshot { marks: { id: string; hlc: string; status: string }[]; outbox: { recordId: string; hlc: string; entity: string }[]; stores: string[] }

/** The device database as it is on disk (raw IndexedDB, no app code): today's marks and the outbox. */
function readDeviceDb(p: Page, version?: number): Promise<Snapshot> {
  return p.evaluate(async (v) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = v === undefined ? indexedDB.open('obecni') : indexedDB.open('obecni', v);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T>(store: string) => new Promise<T[]>((resolve, reject) => {
      const req = db.transaction(store, 'readonly').objectStore(store).getAll();
      req.onsuccess = () => resolve(req.result as T[]);
      req.onerror = () => reject(req.error);
    });
    const marks = (await all<{ id: string; hlc: string; status: string }>('dayMarks')).map((m) => ({ id: m.id, hlc: m.hlc, status: m.status }));
    const outbox = (await all<{ recordId: string; hlc: string; entity: string }>('outbox')).map((e) => ({ recordId: e.recordId, hlc: e.hlc, entity: e.entity }));
    const stores = [...db.objectStoreNames];
    db.close();
    return { marks, outbox, stores };
  }, version);
}

/** Every outbox entry of a mark has the mark stored, and the newest entry carries the mark's stamp. */
function expectWhole(s: Snapshot): void {
  const marks = new Map(s.marks.map((m) => [m.id, m]));
  const newest = new Map<string, string>();
  for (const e of s.outbox.filter((x) => x.entity === 'dayMarks')) {
    expect(marks.has(e.recordId), `outbox entry without its mark: ${e.recordId}`).toBe(true);
    if ((newest.get(e.recordId) ?? '') < e.hlc) newest.set(e.recordId, e.hlc);
  }
  for (const [id, hlc] of newest) expect(marks.get(id)!.hlc, id).toBe(hlc);
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ context, page } = await signInDemo(browser, server.url, 'terapeuta'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('tablet faults', () => {
  it('FAULT-CLOSE: the page closed while ticks are being written keeps every confirmed tick, and nothing half-written', async () => {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 }).catch(async () => {
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    });
    // Offline, so the ticks stay in the outbox and the check below sees every write's two halves.
    await context.setOffline(true);
    await openAttendance(page);
    const before = await readDeviceDb(page);
    const buttons = await roster(page).getByRole('button', { name: /^Obecny:/ }).elementHandles();
    expect(buttons.length).toBeGreaterThanOrEqual(8);

    // Tap every "Obecny" at once, note which rows the screen shows as ticked a moment later, and close the page.
    const confirmed = await page.evaluate(async (els) => {
      for (const el of els) (el as HTMLButtonElement).click();
      const ticked = () => [...document.querySelectorAll('.roster .roster__item')]
        .filter((row) => row.querySelector('.badge')?.textContent === 'obecność')
        .map((row) => row.querySelector('.roster__name')?.textContent ?? '');
      // Close as soon as the first few taps are confirmed on screen, while the rest are still being written.
      for (let waited = 0; ticked().length < 3 && waited < 5_000; waited += 1) await new Promise((r) => setTimeout(r, 1));
      return ticked();
    }, buttons);
    await page.close({ runBeforeUnload: false });

    const reopened = await context.newPage();
    const errors = collectPageErrors(reopened);
    await reopened.goto(server.url);
    await openAttendance(reopened);
    const after = await readDeviceDb(reopened);
    expectWhole(after);
    // Every tick the screen confirmed is there.
    const badges = new Map<string, string>();
    for (const row of await roster(reopened).locator('.roster__item').all()) {
      badges.set((await row.locator('.roster__name').textContent()) ?? '', (await row.locator('.badge').textContent()) ?? '');
    }
    for (const name of confirmed) expect(badges.get(name), name).toBe('obecność');
    // The taps that landed each left one outbox entry (offline, nothing was sent).
    expect(after.outbox.length - before.outbox.length).toBe(after.marks.filter((m) => !before.marks.some((b) => b.id === m.id && b.hlc === m.hlc)).length);
    expect(errors).toEqual([]);
    page = reopened;
  });

  it('FAULT-UPGRADE: another tab upgrading the database makes this one show the reload alert, and nothing is lost', async () => {
    const before = await readDeviceDb(page);
    expect(before.outbox.length).toBeGreaterThan(0);
    // The "newer version" in another tab: same origin, raw IndexedDB, a higher version with one more store.
    const other = await context.newPage();
    await other.goto(`${server.url}/manifest.webmanifest`);
    const upgraded = await other.evaluate(async () => {
      const current = await new Promise<number>((resolve) => {
        const req = indexedDB.open('obecni');
        req.onsuccess = () => {
          const v = req.result.version;
          req.result.close();
          resolve(v);
        };
      });
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('obecni', current + 10);
        req.onupgradeneeded = () => req.result.createObjectStore('futureTable', { keyPath: 'id' });
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
        req.onerror = () => reject(req.error);
      });
      return current + 10;
    });

    const alert = page.getByRole('alert').filter({ hasText: /zaktualizowane w innej karcie/ });
    await alert.waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Odśwież stronę' }).isVisible()).toBe(true);

    const after = await readDeviceDb(other, upgraded);
    expect(after.stores).toContain('futureTable');
    expect(after.marks).toEqual(before.marks);
    expect(after.outbox).toEqual(before.outbox);
    await other.close();
  });
});
