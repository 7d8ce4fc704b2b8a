/**
 * SW-UPDATE-TABS (issue 17.5): a new version of the app arrives while three tabs are open. After
 * "Zaktualizuj" in one of them, every tab reloads onto the new service worker (before, only the
 * tab that pressed the button did, and the others kept old code whose lazily loaded screens then
 * failed), and a lazily loaded screen opens in each of them afterwards.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, loadDemoThroughApi, signInDemo, startServer, type RunningServer } from './harness';

const staticCopy = mkdtempSync(join(tmpdir(), 'obecni-sw-tabs-'));
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  cpSync(resolve(import.meta.dirname, '../../dist/client'), staticCopy, { recursive: true });
  server = await startServer({ env: { STATIC_DIR: staticCopy } });
  expect((await loadDemoThroughApi(server)).status).toBe(200);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(staticCopy, { recursive: true, force: true });
});

const controlled = (p: Page) => p.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

describe('SW-UPDATE-TABS: a new version with three tabs open', () => {
  it('reloads every tab when the new version takes over, and their screens load', async () => {
    const { context, page: first } = await signInDemo(browser, server.url, 'terapeuta');
    await controlled(first).catch(async () => {
      await first.reload();
      await controlled(first);
    });
    const tabs = [first];
    for (let i = 0; i < 2; i += 1) {
      const tab = await context.newPage();
      await tab.goto(server.url);
      await tab.getByRole('navigation', { name: 'Menu główne' }).waitFor();
      await controlled(tab);
      tabs.push(tab);
    }
    const errors = tabs.map(collectPageErrors);
    // Each tab marks its page, so a reload (a new document) is visible.
    for (const tab of tabs) await tab.evaluate(() => { (window as unknown as { oldDocument: boolean }).oldDocument = true; });

    const swPath = join(staticCopy, 'sw.js');
    writeFileSync(swPath, `${readFileSync(swPath, 'utf8')}\n// release ${Date.now()}\n`);
    await first.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await first.getByText('Dostępna jest nowa wersja Obecni.').waitFor({ timeout: 60_000 });
    const loads = tabs.map((tab) => tab.waitForEvent('load', { timeout: 60_000 }));
    await first.getByRole('button', { name: 'Zaktualizuj' }).click();
    await Promise.all(loads);

    for (const tab of tabs) {
      await tab.getByRole('navigation', { name: 'Menu główne' }).waitFor();
      expect(await tab.evaluate(() => (window as unknown as { oldDocument?: boolean }).oldDocument ?? false)).toBe(false);
      await tab.waitForFunction(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return reg !== undefined && reg.waiting === null && reg.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
      }, undefined, { timeout: 60_000 });
      await tab.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Obecność' }).click();
      await tab.getByRole('heading', { name: 'Osoby oczekiwane w placówce tego dnia.' }).waitFor();
    }
    expect(errors.flat()).toEqual([]);
    await context.close();
  });
});
