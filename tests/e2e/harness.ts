/**
 * End-to-end harness: starts the real server (tsx src/server/main.ts) on a free port with its own
 * PGlite data directory and the built PWA, and launches Debian's Chromium through playwright-core.
 * A missing Chromium or a missing build fails the suite: end-to-end tests are required, never skipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH. End-to-end tests are required.`);
  }
  return path;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Starts the server again on the same port and data directory. */
  restart(): Promise<void>;
  /** Kills the server process at once (SIGKILL). */
  kill(): Promise<void>;
  /** Starts it again after a kill. */
  start(): Promise<void>;
  /** How the last server process ended (null while it runs). */
  lastExit(): { code: number | null; signal: NodeJS.Signals | null } | null;
}

/** Starts the server with a fresh (or given) PGlite data directory; resolves once /api/v1/health answers. */
export async function startServer(opts: { dataDir?: string; env?: Record<string, string>; databaseUrl?: string } = {}): Promise<RunningServer> {
  const staticDir = join(ROOT, 'dist', 'client');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error('dist/client is missing: run `npm run build` before the end-to-end tests.');
  }
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'obecni-e2e-'));
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const url = `http://localhost:${port}`;
  let child: ChildProcess | null = null;
  let output = '';

  const boot = async () => {
    const env: Record<string, string | undefined> = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: staticDir, ...opts.env };
    // PGlite in its own data directory unless a test asks for PostgreSQL explicitly.
    if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
    else delete env.DATABASE_URL;
    // Node itself with tsx as a loader (not the tsx CLI, which forks a child): a SIGKILL must hit the server.
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      try {
        const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(5_000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not start within 90 s:\n${output}`);
  };

  // A process ended by a signal has a signalCode and no exitCode; it will never emit 'exit' again.
  const running = (c: ChildProcess): boolean => c.exitCode === null && c.signalCode === null;

  /** SIGTERM, as a service manager stops it; SIGKILL only if the server's own shutdown (10 s at most) hangs. */
  const stop = async () => {
    const c = child as ChildProcess | null;
    if (!c || !running(c)) return;
    await new Promise<void>((done) => {
      c.once('exit', () => done());
      c.kill('SIGTERM');
      setTimeout(() => { if (running(c)) c.kill('SIGKILL'); }, 20_000).unref();
    });
  };

  /** SIGKILL: no shutdown handler runs, as when the power goes or the OOM killer strikes. */
  const kill = async () => {
    const c = child as ChildProcess | null;
    if (!c || !running(c)) return;
    await new Promise<void>((done) => {
      c.once('exit', () => done());
      c.kill('SIGKILL');
    });
  };

  await boot();
  const lastExit = () => {
    const c = child as ChildProcess | null;
    return c && !running(c) ? { code: c.exitCode, signal: c.signalCode } : null;
  };
  return { url, dataDir, stop, kill, lastExit, restart: async () => { await stop(); await boot(); }, start: boot };
}

// ---------------------------------------------------------------------------------------------
// Page helpers shared by the end-to-end files.

/** The two layouts every screen is looked at in: a 10" tablet in landscape and a common phone. */
export const TABLET = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** A browser context as a Polish centre's tablet has it: Polish locale, Warsaw time. */
export async function newAppContext(browser: Browser, viewport: { width: number; height: number } = TABLET): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
}

/** Saves a PNG into test-results/screenshots for people to look at. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? true, animations: 'disabled' });
}

/**
 * Uncaught exceptions of a page, collected from now on. A screen that crashes while rendering
 * usually still shows something, so the tests assert this list stays empty.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return errors;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the whole document. axe is evaluated through the
 * DevTools protocol rather than page.addScriptTag: the server's Content-Security-Policy allows
 * scripts from our origin only (no inline scripts), and the test must not weaken it (bypassCSP).
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    interface Result { violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } };
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  });
}

/** "rule (impact): target, target" per violation, so a failing assertion says what to fix. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}: ${v.help}): ${v.targets.join(', ')}`);
}

/**
 * Waits until a service worker controls the page. The first visit registers it; clients.claim()
 * usually takes the page over at activation, otherwise one reload does.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = () => page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
  try {
    await controlled();
  } catch {
    await page.reload();
    await controlled();
  }
}

/** A server with the demo centre loaded through the API. */
export async function startDemoServer(): Promise<RunningServer> {
  const server = await startServer();
  const res = await fetch(`${server.url}/api/v1/setup/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (res.status !== 200) throw new Error(`demo load failed with ${res.status}`);
  return server;
}

/** A new browser context (a device) signed in as a demo account, after its first sync. */
export async function signInDemo(browser: Browser, url: string, login: string, viewport: { width: number; height: number } = TABLET): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newAppContext(browser, viewport);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Hasło').fill('obecni-demo-2026');
  await page.getByRole('button', { name: 'Zaloguj', exact: true }).click();
  await page.getByText(/Zsynchronizowano/).first().waitFor({ timeout: 60_000 });
  return { context, page };
}

/**
 * A short-lived access token for `deviceToken` (POST /api/v1/auth/token): what a test needs to
 * call sync, history or admin endpoints directly, as the app's transport does.
 */
export async function accessToken(url: string, deviceToken: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/token`, { method: 'POST', headers: { authorization: `Bearer ${deviceToken}` } });
  if (res.status !== 200) throw new Error(`token exchange failed with ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** The demo centre on a real server with one Chromium, and its signed-in devices (see {@link useDemoCentre}). */
export interface DemoCentre {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A new device (browser context) signed in as a demo login, after its first sync; closed with the centre. */
  signIn(login: string, viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * The fixture most end-to-end files start from: registers hooks that start the demo server and
 * Chromium before the file's tests and stop both after them. Call it at the top of a file.
 */
export function useDemoCentre(): DemoCentre {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the demo centre's ${what} is not started yet (use it inside a test or a hook)`);
    return value;
  };
  return {
    get server() { return started(server, 'server'); },
    get browser() { return started(browser, 'browser'); },
    signIn: (login, viewport) => signInDemo(started(browser, 'browser'), started(server, 'server').url, login, viewport),
  };
}
