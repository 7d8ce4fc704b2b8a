/**
 * FAULT-SW-UPDATE: a new version of the app (a changed sw.js) arrives while three ticks wait in the
 * outbox and the sync API cannot be reached. The update banner appears, the waiting changes are
 * still counted and stored; after "Zaktualizuj" the new service worker controls the page, the
 * outbox is still there, and the changes reach the server once the API is reachable again.
 * The browser talks to the server through a small HTTP proxy that can refuse the sync endpoints
 * (the rest of the site, sw.js included, stays reachable), so the update and the outage coexist.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayInTimeZone } from '../../src/domain';
import { PROTOCOL_VERSION, type PullResponse, type SessionInfo } from '../../src/protocol';
import { accessToken, collectPageErrors, launchBrowser, signInDemo, startServer, loadDemoThroughApi, type RunningServer } from './harness';

const staticCopy = mkdtempSync(join(tmpdir(), 'obecni-sw-update-'));
let server: RunningServer;
let proxy: Server;
let proxyUrl: string;
let blockSync = false;
let browser: Browser;

async function outboxSize(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((done, fail) => {
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

beforeAll(async () => {
  cpSync(resolve(import.meta.dirname, '../../dist/client'), staticCopy, { recursive: true });
  server = await startServer({ env: { STATIC_DIR: staticCopy } });
  expect((await loadDemoThroughApi(server)).status).toBe(200);
  const upstream = new URL(server.url);
  proxy = createServer((req, res) => {
    if (blockSync && req.url?.startsWith('/api/v1/sync/')) {
      req.socket.destroy();
      return;
    }
    const up = request({ host: '127.0.0.1', port: Number(upstream.port), method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', () => done()));
  proxyUrl = `http://localhost:${(proxy.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (proxy ? proxy.close(() => done()) : done()));
  await server?.stop();
  rmSync(staticCopy, { recursive: true, force: true });
});

describe('FAULT-SW-UPDATE: a new version arrives while changes wait, offline', () => {
  it('shows the update banner, keeps the outbox across the update, and syncs it afterwards', async () => {
    const { context, page } = await signInDemo(browser, proxyUrl, 'terapeuta');
    const errors = collectPageErrors(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 }).catch(async () => {
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    });

    // Offline: three ticks wait in the outbox.
    await context.setOffline(true);
    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Obecność' }).click();
    const rows = page.locator('.roster').first().locator('.roster__item');
    await rows.first().waitFor();
    for (let i = 0; i < 3; i += 1) {
      await rows.nth(i).getByRole('button', { name: /^Obecny:/ }).click();
      await expect.poll(() => rows.nth(i).locator('.badge').textContent()).toBe('obecność');
    }
    await page.getByText('Offline · 3 zmiany czekają').first().waitFor();

    // The network is back for the site but not for the sync API; a new release is deployed.
    blockSync = true;
    await context.setOffline(false);
    const swPath = join(staticCopy, 'sw.js');
    writeFileSync(swPath, `${readFileSync(swPath, 'utf8')}\n// release ${Date.now()}\n`);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await page.getByText('Dostępna jest nowa wersja Obecni.').waitFor({ timeout: 60_000 });
    await page.getByText(/3 zmiany czekają/).first().waitFor();
    expect(await outboxSize(page)).toBe(3);
    const oldWorker = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null);
    expect(oldWorker).toBe(true);

    // Apply the update: the page reloads under the new service worker, the outbox is still there.
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Zaktualizuj' }).click();
    await reloaded;
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return reg !== undefined && reg.waiting === null && navigator.serviceWorker.controller !== null && reg.active?.state === 'activated';
    }, undefined, { timeout: 60_000 });
    expect(await page.getByText('Dostępna jest nowa wersja Obecni.').count()).toBe(0);
    expect(await outboxSize(page)).toBe(3);
    await page.getByText(/3 zmiany czekają/).first().waitFor({ timeout: 30_000 });

    // The API is reachable again: the three marks reach the server and the outbox empties.
    blockSync = false;
    await page.getByRole('button', { name: 'Synchronizuj teraz' }).click();
    await page.getByText(/Zsynchronizowano/).first().waitFor({ timeout: 60_000 });
    expect(await outboxSize(page)).toBe(0);
    const admin = (await (await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'obecni-demo-2026', deviceName: 'test' }),
    })).json()) as SessionInfo;
    const today = dayInTimeZone(Date.now(), 'Europe/Warsaw');
    const access = await accessToken(server.url, admin.deviceToken);
    let present = 0;
    for (let since = 0, more = true; more;) {
      const res = await fetch(`${server.url}/api/v1/sync/pull?since=${since}&limit=2000&protocolVersion=${PROTOCOL_VERSION}`, { headers: { authorization: `Bearer ${access}` } });
      const pageOf = (await res.json()) as PullResponse;
      present += pageOf.changes.filter((c) => c.entity === 'dayMarks' && !c.deleted && c.data.day === today && c.data.status === 'present').length;
      since = pageOf.cursor;
      more = pageOf.hasMore;
    }
    expect(present).toBe(3);
    expect(errors).toEqual([]);
  });
});
