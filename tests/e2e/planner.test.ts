/**
 * PLAN-E2E (issue 5): a coordinator in Chromium against the real server with the demo centre plans
 * the Senior+ home's week: creates a weekly class and a trip, cancels one occurrence of the class,
 * sees a room double booking warned before saving and badged in the week view, and finds the
 * sessions on the attendance screen of the right days (not on the cancelled one). The week is
 * printed to a PDF (A4 landscape, print CSS) for people to look at.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, isPublicHoliday, weekdayOf } from '../../src/domain/calendar';
import { collectPageErrors, screenshot, SCREENSHOT_DIR, useDemoCentre } from './harness';

const SENIOR = 'Dzienny Dom Aktywny Senior „Pogodna Jesień”';

const centre = useDemoCentre();
let page: Page;
let errors: string[];

/** The first day after `from` with the given weekday that is not a public holiday (and whose next week's same day is not one either). */
function nextWeekday(from: string, weekday: number): string {
  let d = addDays(from, 1);
  while (weekdayOf(d) !== weekday || isPublicHoliday(d) || isPublicHoliday(addDays(d, 7))) d = addDays(d, 1);
  return d;
}
const ddmmyyyy = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
const dayColumn = (day: string) => page.getByRole('region', { name: new RegExp(ddmmyyyy(day).replace(/\./g, '\\.')) });
const attendanceDay = () => page.locator('.day-picker input[type="date"]');
const goToDay = (day: string) => page.getByLabel('Dzień planu').fill(day);

beforeAll(async () => {
  ({ page } = await centre.signIn('koordynator'));
  errors = collectPageErrors(page);
});


describe('PLAN-E2E: the weekly planner', () => {
  const today = new Date().toISOString().slice(0, 10);
  const tuesday = nextWeekday(today, 2);
  const tripDay = nextWeekday(tuesday, 4);

  it('creates a weekly class, sees a room conflict warned before saving another, and a trip', async () => {
    await page.getByLabel('Placówka').selectOption({ label: SENIOR });
    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Plan tygodnia', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan tygodnia' }).waitFor();

    await page.getByRole('button', { name: 'Nowe zajęcia' }).click();
    await page.getByLabel('Nazwa').fill('Zajęcia teatralne');
    await page.getByLabel('Wtorek').check();
    await page.getByLabel('Początek').fill('15:30');
    await page.getByLabel('Koniec').fill('16:00');
    await page.getByLabel('Sala', { exact: true }).selectOption({ label: 'Sala multimedialna' });
    await page.getByLabel('Wybrane osoby').check();
    await page.getByLabel(/^[A-ZŁŚŻ]/).and(page.locator('.plan-people input')).first().check();
    await page.getByRole('region', { name: 'Ostrzeżenia przed zapisem' }).getByText('W najbliższych tygodniach brak konfliktów.').waitFor();
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.getByText('Zapisano: Zajęcia teatralne.').waitFor();

    await page.getByRole('button', { name: 'Nowe zajęcia' }).click();
    await page.getByLabel('Nazwa').fill('Próba chóru');
    await page.getByLabel('Rodzaj').selectOption({ label: 'muzykoterapia' });
    await page.getByLabel('Wtorek').check();
    await page.getByLabel('Początek').fill('15:30');
    await page.getByLabel('Koniec').fill('16:00');
    await page.getByLabel('Sala', { exact: true }).selectOption({ label: 'Sala multimedialna' });
    const warnings = page.getByRole('region', { name: 'Ostrzeżenia przed zapisem' });
    await warnings.getByText(/Sala „Sala multimedialna” zajęta w tym samym czasie: (Próba chóru i Zajęcia teatralne|Zajęcia teatralne i Próba chóru)/).first().waitFor();
    await screenshot(page, 'plan-form-conflict', { fullPage: false });
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.getByText('Zapisano: Próba chóru.').waitFor();

    await page.getByRole('button', { name: 'Wyjście / wycieczka' }).click();
    await page.getByLabel('Nazwa').fill('Wycieczka do skansenu');
    await page.getByLabel('Rodzaj').selectOption({ label: 'wycieczka' });
    await page.getByLabel('Dzień', { exact: true }).fill(tripDay);
    await page.getByLabel('Wyjazd').fill('09:00');
    await page.getByLabel('Powrót').fill('14:00');
    await page.getByLabel('Miejsce poza placówką').fill('Skansen w Dębowej Woli');
    await page.getByLabel('Cała placówka').check();
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.getByText('Zapisano: Wycieczka do skansenu.').waitFor();
  });

  it('shows the classes in the week with the conflict badged, and cancels one occurrence only', async () => {
    await goToDay(tuesday);
    const column = dayColumn(tuesday);
    const block = column.getByRole('button', { name: /Zajęcia teatralne/ });
    await block.waitFor();
    expect(await column.getByRole('button', { name: /Próba chóru/ }).textContent()).toContain('sala zajęta');
    await screenshot(page, 'plan-week-tablet', { fullPage: false });
    await block.click();
    const panel = page.getByRole('dialog', { name: 'Zajęcia teatralne' });
    await panel.getByText(/Sala „Sala multimedialna” zajęta/).waitFor();
    await panel.getByRole('button', { name: 'Odwołaj te zajęcia' }).click();
    await page.getByText(/^Odwołano: Zajęcia teatralne/).waitFor();
    expect(await column.getByRole('button', { name: /Zajęcia teatralne/ }).textContent()).toContain('odwołane');

    await goToDay(tripDay);
    await dayColumn(tripDay).getByRole('button', { name: /Wycieczka do skansenu/ }).waitFor();
    await goToDay(addDays(tuesday, 7));
    expect(await dayColumn(addDays(tuesday, 7)).getByRole('button', { name: /Zajęcia teatralne/ }).textContent()).not.toContain('odwołane');
  });

  it('prints the week on A4 landscape', async () => {
    await goToDay(tuesday);
    await dayColumn(tuesday).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.plan-print').isVisible()).toBe(true);
    expect(await page.locator('.app-nav').isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(SCREENSHOT_DIR, 'plan-week-print.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
  });

  it('finds the sessions on the attendance screen of the right days', async () => {
    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Obecność', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Obecność' }).waitFor();
    const sessions = page.getByRole('region', { name: 'Zajęcia tego dnia' });
    const titles = () => sessions.locator('.session-card__title').allTextContents();

    await attendanceDay().fill(tripDay);
    await sessions.getByText('Wycieczka do skansenu').waitFor();
    await attendanceDay().fill(addDays(tuesday, 7));
    await sessions.getByText('Zajęcia teatralne').waitFor();
    expect((await titles()).some((x) => x.includes('Próba chóru'))).toBe(true);
    expect((await titles()).some((x) => x.includes('Wycieczka do skansenu'))).toBe(false);
    await attendanceDay().fill(tuesday);
    await sessions.getByText('Próba chóru').waitFor();
    expect((await titles()).some((x) => x.includes('Zajęcia teatralne'))).toBe(false);
    expect(errors).toEqual([]);
  });
});
