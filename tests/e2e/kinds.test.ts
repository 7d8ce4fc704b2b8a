/**
 * KINDS-E2E (issue 19, point 3), the built app and the real server in Chromium with the demo centre:
 * the WTZ annual report to the county (§ 21 of Dz.U. 2021 poz. 2284) opens for the demo workshop,
 * prints to A4 landscape PDF with its basis, the degrees, the months, who left and "brak danych"
 * for progress; the pages are turned into PNGs in test-results/kinds for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoCentre } from './harness';

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'kinds');
const WTZ = 'Warsztat Terapii Zajęciowej „Promyk”';

const centre = useDemoCentre();

describe('KINDS-E2E: the WTZ annual report on paper', () => {
  it('prints last year’s report with its basis, degrees, months and who left', async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const { page } = await centre.signIn('admin');
    await page.getByLabel('Placówka').selectOption({ label: WTZ });
    await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Raporty', exact: true }).click();
    await page.getByRole('button', { name: 'Sprawozdanie roczne', exact: true }).click();
    await page.getByRole('heading', { name: /Sprawozdanie roczne WTZ dla powiatu · Warsztat Terapii Zajęciowej „Promyk” · \d{4}/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: 'Frekwencja w kolejnych miesiącach' }).waitFor({ timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    const pdfPath = join(OUT, 'sprawozdanie-roczne-wtz.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    // Lines wrap on paper: compare the text with single spaces.
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('§ 21 rozporządzenia w sprawie warsztatów terapii zajęciowej');
    expect(text).toMatch(/Termin złożenia: 01\.03\.\d{4}/);
    expect(text).toContain('w tym stopień: umiarkowany');
    expect(text).toContain('Uczestnicy i ich stopnie niepełnosprawności');
    expect(text).toContain('Frekwencja w kolejnych miesiącach');
    expect(text).toContain('Kto odszedł i dlaczego');
    expect(text).toContain('brak danych');
    expect(text).toContain('Podpis kierownika placówki');
    expect(text).not.toContain('Raporty');
    execFileSync('pdftoppm', ['-r', '70', '-png', pdfPath, join(OUT, 'sprawozdanie-roczne-wtz')]);
  });
});
