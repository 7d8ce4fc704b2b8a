/**
 * REPORTS-E2E (issue 7), the built app and the real server in Chromium with the demo centre:
 * - the month's attendance sheet printed to PDF is A4 landscape, one page or more, with the
 *   participants' rows whole (the PDF's pages are turned into PNGs in test-results/reports for a
 *   person to look at: page breaks, Polish letters);
 * - the XLSX downloaded from the browser re-reads with the numbers the screen shows;
 * - the year's funder report opens; every export and print shows up in the administrator's
 *   export history, read from the server.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { startBenchServer } from '../../bench/server';
import { signInDemo, useDemoCentre } from './harness';

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'reports');

const centre = useDemoCentre();
let page: Page;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  ({ page } = await centre.signIn('admin'));
  await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Raporty', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Raporty' }).waitFor();
  await page.locator('table.sheet tbody tr').first().waitFor({ timeout: 60_000 });
});


describe('REPORTS-E2E: the monthly sheet on paper and in Excel, exports in the history', () => {
  it('prints the sheet to A4 landscape PDF pages with whole rows and Polish letters', async () => {
    const names = await page.locator('table.sheet tbody th[scope="row"]').allTextContents();
    expect(names.length).toBeGreaterThan(10);
    expect(names.join(' ')).toMatch(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/);
    await page.emulateMedia({ media: 'print' });
    // In print layout no row of the sheet may straddle a page boundary (A4 landscape content height, 10 mm margins).
    const pdfPath = join(OUT, 'lista-obecnosci.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Math.round(Number(size[1]))).toBe(842);
    expect(Math.round(Number(size[2]))).toBe(595);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    // Every participant's name is in the PDF as text, whole, once per sheet.
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain('Podpis kierownika placówki');
    // The column headers repeat on every page.
    expect(text.split('\f').filter((p) => p.trim()).every((p) => p.includes('Uczestnik'))).toBe(true);
    execFileSync('pdftoppm', ['-r', '80', '-png', pdfPath, join(OUT, 'lista-obecnosci')]);
    expect(readdirSync(OUT).filter((f) => f.endsWith('.png'))).toHaveLength(pages);
  });

  it('downloads an XLSX that re-reads with the numbers on the screen', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Pobierz XLSX (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^lista-obecnosci-\d{4}-\d{2}\.xlsx$/);
    const path = join(OUT, download.suggestedFilename());
    await download.saveAs(path);
    const rows = await readSheet(path);
    const screenRows = await page.locator('table.sheet tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      name: tr.querySelector('th')!.textContent!,
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s/g, '')),
    })));
    expect(rows.length - 4).toBe(screenRows.length + 1); // title, header, people, totals, blank, signature
    screenRows.forEach((r, i) => {
      const x = rows[2 + i]!;
      expect(`${String(x[0])} ${String(x[1])}`).toBe(r.name);
      const days = x.length - 7;
      expect(x.slice(2, 2 + days).map((v) => (v === null ? '' : String(v)))).toEqual(r.cells.slice(0, days));
      expect(x.slice(2 + days, 6 + days).map(String)).toEqual(r.cells.slice(days, days + 4));
    });
  });

  it('opens the year’s funder report', async () => {
    await page.getByRole('button', { name: 'Sprawozdanie', exact: true }).click();
    await page.getByRole('button', { name: 'Rok', exact: true }).click();
    await page.getByRole('heading', { name: /Sprawozdanie dla finansującego · .* · \d{4}$/ }).waitFor();
    await page.getByText('Osobodni (obecności)', { exact: true }).first().waitFor();
    const personDays = Number((await page.locator('.report-figures__item', { hasText: 'Osobodni' }).locator('dd').textContent())!.replace(/\s/g, ''));
    expect(personDays).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(OUT, 'sprawozdanie-rok.pdf'), preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('draws the month and the year as bar charts, with the numbers behind them', async () => {
    await page.getByRole('button', { name: 'Wykres', exact: true }).click();
    const month = page.getByRole('img', { name: /Obecni w kolejnych dniach/ });
    await month.waitFor();
    expect(await month.locator('rect.chart__bar').count()).toBeGreaterThanOrEqual(28);
    await page.getByRole('img', { name: /Średnio obecnych na dzień otwarcia/ }).waitFor();
    await page.screenshot({ path: join(OUT, 'wykresy.png'), fullPage: true });
  });

  it('lists the exports in the administrator’s export history', async () => {
    await page.getByRole('button', { name: 'Pokaż historię eksportów' }).click();
    const table = page.getByRole('region', { name: 'Historia eksportów' });
    await table.waitFor({ timeout: 20_000 });
    await table.getByText('XLSX', { exact: true }).first().waitFor({ timeout: 20_000 });
    const text = await table.textContent();
    expect(text).toMatch(/lista obecności · Dzienny Dom Aktywny Senior/);
    expect(text).toMatch(/01\.\d{2}\.\d{4} – \d{2}\.\d{2}\.\d{4}/);
  });
});

describe('REPORTS-E2E: a sheet longer than a page', () => {
  it('breaks between rows, repeats the header and keeps the totals and signature at the end', async () => {
    const big = await startBenchServer({ wtzParticipants: 70, historyMonths: 1 });
    try {
      const { context, page: p } = await signInDemo(centre.browser, big.url, 'terapeuta');
      await p.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Raporty', exact: true }).click();
      await p.locator('table.sheet tbody tr').nth(60).waitFor({ timeout: 60_000 });
      const names = await p.locator('table.sheet tbody th[scope="row"]').allTextContents();
      await p.emulateMedia({ media: 'print' });
      const pdfPath = join(OUT, 'lista-dluga.pdf');
      await p.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
      await context.close();
      const pages = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).split('\f').filter((x) => x.trim());
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const pageText of pages) expect(pageText).toContain('Uczestnik');
      // Each person's row is whole on one page: the name and the rate at the end of the same line.
      const lines = pages.flatMap((x) => x.split('\n'));
      for (const name of names) {
        const line = lines.filter((l) => l.includes(name));
        expect(line, name).toHaveLength(1);
        expect(line[0], name).toMatch(/(%|–)\s*$/);
      }
      expect(pages.at(-1)).toContain('Podpis kierownika placówki');
      // The month's day totals are printed once, after the last person, not at the foot of every page.
      expect(pages.map((x) => x.split('Obecnych w dniu').length - 1)).toEqual([...pages.slice(1).map(() => 0), 1]);
      execFileSync('pdftoppm', ['-r', '80', '-png', pdfPath, join(OUT, 'lista-dluga')]);
    } finally {
      await big.close();
    }
  });
});
