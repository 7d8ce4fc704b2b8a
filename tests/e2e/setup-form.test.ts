/**
 * FOUND-E2E-2: a coordinator sets up a real centre through the "Utwórz ośrodek" form, in Chromium
 * against a fresh server (PGlite, real HTTP). Wrong input first: each Polish error sits under its
 * field, linked to it for screen readers, and nothing is sent to the server. Then valid input:
 * signed in, the Today screen of the new unit with an empty-state message (no participants yet),
 * still signed in after a reload; another device gets the login page and signs in with the new
 * account. The health endpoint reports PGlite and the applied migrations.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../../src/protocol';
import { collectPageErrors, launchBrowser, newAppContext, screenshot, startServer, TABLET, type RunningServer } from './harness';

const ORGANIZATION = 'Miejski Ośrodek Pomocy Społecznej w Zielonym Dole';
const UNIT = 'Warsztat Terapii Zajęciowej „Przystań”';
const ADMIN = 'Barbara Wiśniewska';
const LOGIN = 'b.wisniewska';
const PASSWORD = 'Jesienny-liść-2026';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
const setupRequests: string[] = [];

const field = (id: string) => page.locator('.field', { has: page.locator(`#setup-${id}`) });
const errorOf = (id: string) => field(id).locator('.field__error');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newAppContext(browser, TABLET);
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/v1/setup' && request.method() === 'POST') setupRequests.push(request.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('FOUND-E2E-2: the "Utwórz ośrodek" form', () => {
  it('shows Polish errors next to the invalid fields and sends nothing', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Witamy w Obecni' }).waitFor();
    await page.getByLabel('Nazwa ośrodka').fill(ORGANIZATION);
    await page.getByLabel('Nazwa pierwszej placówki').fill(UNIT);
    await page.getByLabel('Imię i nazwisko administratora').fill(ADMIN);
    await page.getByLabel('Login administratora').fill('b');
    await page.getByLabel('Hasło', { exact: true }).fill('krótkie');
    await page.getByLabel('Powtórz hasło').fill('inne hasło');
    await page.getByRole('button', { name: 'Utwórz ośrodek' }).click();

    await errorOf('password').waitFor();
    expect(await errorOf('unitKind').innerText()).toBe('Wybierz jedną z opcji.');
    expect(await errorOf('login').innerText()).toBe('Login może zawierać małe litery, cyfry, kropkę, myślnik i podkreślenie (od 3 do 40 znaków).');
    expect(await errorOf('password').innerText()).toBe('Hasło musi mieć co najmniej 12 znaków.');
    expect(await errorOf('passwordRepeat').innerText()).toBe('Hasła nie są takie same.');
    for (const valid of ['organizationName', 'city', 'unitName', 'adminName']) expect(await errorOf(valid).count(), valid).toBe(0);
    await page.getByRole('alert').filter({ hasText: 'Popraw zaznaczone pola formularza.' }).waitFor();

    // Each error is announced with its field, and the first invalid field has the focus.
    for (const id of ['unitKind', 'login', 'password', 'passwordRepeat']) {
      const control = page.locator(`#setup-${id}`);
      expect(await control.getAttribute('aria-invalid'), id).toBe('true');
      expect((await control.getAttribute('aria-describedby'))?.split(' '), id).toContain(`setup-${id}-error`);
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('setup-unitKind');
    await screenshot(page, 'setup-errors-tablet');
    expect(setupRequests).toEqual([]);
  });

  it('clears each error as the field is corrected', async () => {
    await page.getByLabel('Rodzaj placówki').selectOption({ label: 'Warsztat Terapii Zajęciowej' });
    await page.getByLabel('Login administratora').fill(LOGIN);
    await page.getByLabel('Hasło', { exact: true }).fill(PASSWORD);
    await expect.poll(() => errorOf('password').count()).toBe(0);
    expect(await errorOf('passwordRepeat').innerText()).toBe('Hasła nie są takie same.');
    await page.getByLabel('Powtórz hasło').fill(PASSWORD);
    await expect.poll(() => page.locator('.field__error').count()).toBe(0);
    expect(await page.locator('#setup-password').getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses a wrong setup code on its field and creates nothing', async () => {
    const code = page.getByRole('textbox', { name: 'Kod konfiguracji' });
    await code.fill('ABCD-EFGH-JKMN');
    await page.getByRole('button', { name: 'Utwórz ośrodek' }).click();
    await page.locator('#first-run-setupCode-error').filter({ hasText: 'To nie jest aktualny kod.' }).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('first-run-setupCode');
    expect(setupRequests).toHaveLength(1);
    expect((await (await fetch(`${server.url}/api/v1/setup/status`)).json()) as { initialized: boolean }).toMatchObject({ initialized: false });
  });

  it('creates the centre with the code the server printed, signs in and opens the Today screen of the new unit', async () => {
    await page.getByRole('textbox', { name: 'Kod konfiguracji' }).fill(server.setupCode());
    await page.getByRole('button', { name: 'Utwórz ośrodek' }).click();
    await page.locator('.screen__eyebrow', { hasText: 'Dziś' }).waitFor({ timeout: 60_000 });
    expect(setupRequests).toHaveLength(2);
    const header = page.getByRole('banner');
    // The unit arrives with the first pull, a moment after the Today screen opens.
    await expect.poll(() => header.getByLabel('Placówka').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent), { timeout: 30_000 }).toBe(UNIT);
    expect(await header.locator('.app-header__user').innerText()).toMatch(new RegExp(`^Zalogowano: ${ADMIN}( · |$)`));
    await page.locator('.screen__subtitle', { hasText: `Placówka: ${UNIT}` }).waitFor();
    await header.locator('.sync-badge').filter({ hasText: /^Zsynchronizowano \d/ }).waitFor({ timeout: 60_000 });

    // No participants yet: the screen says so, with zero counts and no classes, instead of failing.
    await page.getByText('W tej placówce nie ma jeszcze uczestników, więc nikt nie jest dziś oczekiwany.').waitFor();
    expect(await page.locator('.tile__value').allInnerTexts()).toEqual(['0', '0', '0', '0', '0']);
    await page.getByRole('region', { name: 'Zajęcia dzisiaj' }).getByText(/Na dziś nie zaplanowano zajęć|nieczynna/).first().waitFor();
    await screenshot(page, 'setup-today-empty-tablet');

    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Uczestnicy', exact: true }).click();
    await page.getByText('W tej placówce nie ma jeszcze uczestników.').waitFor();
  });

  it('is still signed in after a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Uczestnicy' }).waitFor();
    expect(await page.getByRole('banner').locator('.app-header__user').innerText()).toMatch(new RegExp(`^Zalogowano: ${ADMIN}( · |$)`));
    await page.goto(server.url);
    await page.locator('.screen__subtitle', { hasText: `Placówka: ${UNIT}` }).waitFor();
    expect(await page.getByRole('heading', { name: 'Witamy w Obecni' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('offers the login page, not the first-run page, on another device', async () => {
    const other = await newAppContext(browser, TABLET);
    try {
      const tablet = await other.newPage();
      await tablet.goto(server.url);
      await tablet.getByRole('heading', { level: 1, name: 'Zaloguj się' }).waitFor();
      await tablet.getByLabel('Login').fill(LOGIN);
      await tablet.getByLabel('Hasło').fill(PASSWORD);
      await tablet.getByRole('button', { name: 'Zaloguj', exact: true }).click();
      await tablet.locator('.screen__subtitle', { hasText: `Placówka: ${UNIT}` }).waitFor({ timeout: 60_000 });
    } finally {
      await other.close();
    }
  });

  it('reports PGlite and the applied migrations on /api/v1/health', async () => {
    const res = await fetch(`${server.url}/api/v1/health`);
    expect(res.status).toBe(200);
    const health = (await res.json()) as HealthResponse;
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
    expect(health.migrations.length).toBeGreaterThan(0);
    expect(health.migrations[0]).toMatch(/^001/);
  });
});
