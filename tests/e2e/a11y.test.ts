/**
 * FOUND-E2E-3: accessibility of the built app in Chromium against the real server. axe-core with
 * the WCAG 2.0/2.1 A and AA rules finds nothing on the first-run page, Today, Uczestnicy,
 * Ustawienia and Obecność (and the other sections, the report views of issue 7, the route editor and
 * the monthly meal summary) at tablet size, nor on Today and the open "Więcej" menu at phone size;
 * the weekly planner (its grid, an occurrence panel, the class form with errors; the day view on a phone);
 * every control of the header and the main menu is a touch target at least 48 px high and wide
 * (the design system's --touch, above WCAG 2.5.5's 44 px), on the tablet and on the phone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectPageErrors, describeViolations, launchBrowser, newAppContext, PHONE, runAxe, screenshot, startServer, TABLET, type RunningServer,
} from './harness';

/** The design system's touch target (tokens.css --touch). */
const TOUCH = 48;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

const menu = () => page.getByRole('navigation', { name: 'Menu główne' });

async function expectNoViolations(where: string): Promise<void> {
  expect(describeViolations(await runAxe(page)), where).toEqual([]);
}

/** Visible controls of the header and the main menu that are smaller than a fingertip. */
async function smallTouchTargets(): Promise<string[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      ['header', 'nav'].flatMap((area) => ['a[href]', 'button', 'select', 'input', '[role="button"]'].map((c) => `${area} ${c}`)).join(','),
    );
    return [...controls]
      .filter((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 1 && box.height > 1)
      .filter(({ box }) => box.height < min || box.width < min)
      .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}" ${Math.round(box.width)}×${Math.round(box.height)}`);
  }, TOUCH);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newAppContext(browser, TABLET);
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('FOUND-E2E-3: WCAG 2.1 AA (axe-core) and touch targets', () => {
  it('first-run page', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Witamy w Obecni' }).waitFor();
    await expectNoViolations('first-run');
  });

  it('first-run page with its field errors shown', async () => {
    await page.getByRole('button', { name: 'Utwórz ośrodek' }).click();
    await page.locator('.field__error').first().waitFor();
    await expectNoViolations('first-run with errors');
  });

  it('Today, after loading the demo centre', async () => {
    // The one-time code the server printed at start (issue 14.11) opens the first run.
    await page.getByRole('textbox', { name: 'Kod konfiguracji' }).fill(server.setupCode());
    await page.getByRole('button', { name: 'Załaduj centrum demonstracyjne' }).click();
    await page.locator('.tile--expected .tile__value').waitFor({ timeout: 60_000 });
    await page.getByRole('banner').locator('.sync-badge').filter({ hasText: /^Zsynchronizowano/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('region', { name: 'Zajęcia dzisiaj' }).waitFor();
    await expectNoViolations('Dziś');
  });

  it('Uczestnicy', async () => {
    await menu().getByRole('link', { name: 'Uczestnicy', exact: true }).click();
    await page.locator('main .person__name').first().waitFor();
    await expectNoViolations('Uczestnicy');
  });

  it('the participant form (with its errors shown) and the CSV import', async () => {
    await page.getByRole('button', { name: /^Edytuj: / }).first().click();
    await page.getByRole('heading', { name: /^Dane uczestnika: / }).waitFor();
    await page.getByLabel('PESEL (nieobowiązkowo)').fill('12345678901');
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.locator('.field__error').first().waitFor();
    await screenshot(page, 'participant-form-tablet');
    await expectNoViolations('formularz uczestnika');
    await page.getByRole('button', { name: 'Anuluj' }).click();
    await page.getByRole('button', { name: 'Importuj z CSV' }).click();
    await page.getByRole('heading', { name: 'Import uczestników z pliku CSV' }).waitFor();
    await expectNoViolations('import CSV');
    await page.getByRole('button', { name: 'Zamknij import' }).click();
  });

  it('Ustawienia', async () => {
    await menu().getByRole('link', { name: 'Ustawienia', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ustawienia' }).waitFor();
    await page.getByRole('heading', { name: 'Język aplikacji' }).waitFor();
    await expectNoViolations('Ustawienia');
  });

  it('Obecność, with the details of one person open', async () => {
    await menu().getByRole('link', { name: 'Obecność', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Obecność' }).waitFor();
    await page.locator('.roster__item').first().waitFor();
    await expectNoViolations('Obecność');
    await page.getByRole('button', { name: /^Więcej opcji:/ }).first().click();
    await page.getByLabel('Godzina przyjścia', { exact: true }).waitFor();
    await expectNoViolations('Obecność, details open');
  });

  it('the other sections: Plan tygodnia, Transport, Posiłki, Raporty', async () => {
    for (const section of ['Plan tygodnia', 'Transport', 'Posiłki', 'Raporty']) {
      await menu().getByRole('link', { name: section, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: section }).waitFor();
      await page.locator('main .card').first().waitFor();
      await expectNoViolations(section);
    }
  });

  it('Raporty: the funder report, a participant, the charts and the export history (issue 7)', async () => {
    await menu().getByRole('link', { name: 'Raporty', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Raporty' }).waitFor();
    await page.getByRole('button', { name: 'Sprawozdanie', exact: true }).click();
    await page.getByRole('button', { name: 'Rok', exact: true }).click();
    await page.locator('.report-figures').first().waitFor();
    await expectNoViolations('Raporty: sprawozdanie');
    await page.getByRole('button', { name: 'Uczestnik', exact: true }).click();
    const select = page.getByLabel('Uczestnik', { exact: true });
    await select.selectOption({ index: 1 });
    await page.getByRole('table', { name: /^Rok \d{4}$/ }).waitFor();
    await expectNoViolations('Raporty: uczestnik');
    await page.getByRole('button', { name: 'Wykres', exact: true }).click();
    await page.getByRole('img', { name: /Obecni w kolejnych dniach/ }).waitFor();
    await page.getByText('Dane wykresu w tabeli').first().click();
    await expectNoViolations('Raporty: wykresy');
    await page.getByRole('button', { name: 'Pokaż historię eksportów' }).click();
    await page.getByText(/Nikt jeszcze nie eksportował|Kiedy/).first().waitFor();
    await expectNoViolations('Raporty: historia eksportów');
    // The report's own controls are fingertip-sized too.
    const small = await page.evaluate((min) => [...document.querySelectorAll<HTMLElement>('main button, main select, main summary')]
      .filter((el) => el.checkVisibility())
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < min)
      .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}" ${Math.round(box.width)}×${Math.round(box.height)}`), TOUCH);
    expect(small).toEqual([]);
  });

  it('the route editor (Transport → Trasy i przystanki) and the monthly meal summary', async () => {
    await menu().getByRole('link', { name: 'Transport', exact: true }).click();
    await page.getByRole('button', { name: 'Trasy i przystanki' }).click();
    const stops = page.getByRole('list', { name: 'Przystanki w kolejności jazdy' });
    await stops.waitFor();
    await expectNoViolations('Trasy i przystanki');
    // The reorder controls are fingertip-sized too.
    const small = await stops.evaluate((list, min) => [...list.querySelectorAll<HTMLElement>('button, input')]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < min || (box.width < min && box.width > 0))
      .map(({ el, box }) => `${el.getAttribute('aria-label') ?? ''} ${Math.round(box.width)}×${Math.round(box.height)}`), TOUCH);
    expect(small).toEqual([]);
    const second = (await stops.locator('li strong').nth(1).textContent())!;
    await page.getByRole('button', { name: `W górę: ${second}` }).click();
    expect(await page.locator('.stop-edit [aria-live="polite"]').textContent()).toBe(`${second}: pozycja 1 z ${await stops.locator('li').count()}`);
    await expectNoViolations('Trasy i przystanki after a move');

    await menu().getByRole('link', { name: 'Posiłki', exact: true }).click();
    await page.getByRole('button', { name: 'Miesiąc' }).click();
    await page.getByRole('region', { name: 'Uczestnicy (do rozliczenia opłat)' }).waitFor();
    await expectNoViolations('Posiłki, zestawienie miesięczne');
  });

  it('Plan tygodnia: the week grid, an occurrence panel, the class form with its errors shown', async () => {
    await menu().getByRole('link', { name: 'Plan tygodnia', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan tygodnia' }).waitFor();
    await page.locator('.plan-block').first().waitFor();
    await expectNoViolations('Plan tygodnia');
    await page.locator('.plan-block').first().click();
    const panel = page.getByRole('dialog');
    await panel.waitFor();
    await expectNoViolations('Plan tygodnia, occurrence panel');
    await panel.getByRole('button', { name: 'Zamknij' }).click();
    await page.getByRole('button', { name: 'Nowe zajęcia' }).click();
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.locator('.field__error').first().waitFor();
    await screenshot(page, 'plan-form-errors-tablet', { fullPage: false });
    await expectNoViolations('Plan tygodnia, class form with errors');
    await page.getByRole('button', { name: 'Anuluj' }).click();
    await page.locator('.plan-block').first().waitFor();
  });

  it('header and menu controls are at least 48 px on the tablet', async () => {
    await menu().getByRole('link', { name: 'Dziś', exact: true }).click();
    await page.locator('.tile--expected').waitFor();
    const controls = await page.locator('header a[href], header button, header select, nav a[href], nav button').count();
    expect(controls).toBeGreaterThanOrEqual(10);
    expect(await smallTouchTargets()).toEqual([]);
  });

  it('Today and the "Więcej" menu on a phone: no violations, 48 px targets', async () => {
    await page.setViewportSize(PHONE);
    await menu().getByRole('button', { name: 'Więcej' }).waitFor();
    expect(await menu().getByRole('link', { name: 'Transport', exact: true }).isVisible()).toBe(false);
    await expectNoViolations('Dziś (phone)');
    expect(await smallTouchTargets()).toEqual([]);

    await menu().getByRole('button', { name: 'Więcej' }).click();
    expect(await menu().getByRole('button', { name: 'Więcej' }).getAttribute('aria-expanded')).toBe('true');
    for (const link of ['Transport', 'Posiłki', 'Raporty', 'Ustawienia']) await menu().getByRole('link', { name: link, exact: true }).waitFor();
    await expectNoViolations('Więcej open (phone)');
    expect(await smallTouchTargets()).toEqual([]);

    await menu().getByRole('link', { name: 'Raporty', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Raporty' }).waitFor();
    expect(await menu().getByRole('button', { name: 'Więcej' }).getAttribute('aria-expanded')).toBe('false');

    // The planner opens on the day view on a phone.
    await menu().getByRole('link', { name: 'Plan tygodnia', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan tygodnia' }).waitFor();
    await page.locator('.plan-day').first().waitFor();
    expect(await page.locator('.plan-day').count()).toBe(1);
    await screenshot(page, 'plan-day-phone');
    await expectNoViolations('Plan tygodnia (phone)');
    expect(pageErrors).toEqual([]);
  });
});
