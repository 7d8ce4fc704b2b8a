/** A real server for browser benchmarks: in-process Hono app on in-memory PGlite, serving the built PWA. */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/domain';
import { createApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { createLogger } from '../src/server/logger';
import { loadDemo, type DemoLoadOptions } from '../src/server/setup/demo';
import { openPgliteStore } from '../src/server/store/pglite-store';

export interface BenchServer { url: string; records: number; close(): Promise<void> }

export async function startBenchServer(size: DemoLoadOptions['size']): Promise<BenchServer> {
  const staticDir = join(resolve(import.meta.dirname, '..'), 'dist', 'client');
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('dist/client is missing: run `npm run build` first');
  const store = await openPgliteStore({ dataDir: null });
  await store.migrate();
  const demo = await loadDemo(store, { nowMs: Date.now(), ...(size ? { size } : {}) });
  const app = createApp({ store, config: loadConfig({}), logger: createLogger('error'), staticDir, setupCode: null });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    records: demo?.records ?? 0,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
    },
  };
}

/**
 * A tablet page signed in as a demo account after its first sync (up to 10 minutes for the large
 * centres): Polish locale, Warsaw time, and the `__name` shim tsx-compiled page.evaluate code needs.
 */
export async function signedInPage(browser: Browser, url: string, login = 'terapeuta'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Hasło').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj', exact: true }).click();
  await page.getByText(/Zsynchronizowano/).first().waitFor({ timeout: 600_000 });
  return page;
}
