// Issue 14.3: every CSV export goes through one writer that neutralises cells a spreadsheet would
// read as a formula. Before the shared writer the monthly sheet and the month of meals wrote a
// participant named `=HYPERLINK(...)` as it was.
import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula } from '../../src/domain/csv-writer';
import { parseCsv } from '../../src/domain/register/csv';
import { guessMapping, previewImport } from '../../src/domain/register/import';
import { registerToCsv } from '../../src/domain/register/export';
import { mealMonthSummary } from '../../src/domain/rules/meals-month';
import { mealSummaryToCsv } from '../../src/domain/rules/meals-month-csv';
import { monthlySheet, sheetToCsv } from '../../src/domain/rules/reports';
import { mark, person, unit } from './rules/fixtures';

const HOSTILE = [
  '=HYPERLINK("http://example.test/?x=1";"Kliknij")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '+48 600 100 200',
  '-2+3+cmd|\' /C calc\'!A0',
  '\tTab',
  '\rCR',
];

const people = HOSTILE.map((name, i) => person(`p-${i}`, { firstName: name, lastName: name, allergies: name }));
const marks = people.map((p) => mark(p.id, '2026-05-04', 'present'));

/** Every export kind, each with the hostile values in names (and the unit name in the heading). */
const EXPORTS: [string, () => string][] = [
  ['the monthly attendance sheet', () => sheetToCsv(monthlySheet(unit(), people, marks, [], '2026-05', '2026-05-31'), HOSTILE[0]!)],
  ['the month of meals', () => mealSummaryToCsv(mealMonthSummary(unit(), people, marks, [], [], '2026-05', '2026-05-08'), HOSTILE[1]!, () => HOSTILE[4]!)],
  ['the register', () => registerToCsv(people, new Map())],
];

describe('one CSV writer for every export (issue 14.3)', () => {
  it.each(EXPORTS)('%s: no cell starts with = + - @ tab or CR, every hostile value is kept after an apostrophe', (_name, write) => {
    const parsed = parseCsv(write());
    if (!parsed.ok) throw new Error('the export does not parse');
    const cells = parsed.rows.flatMap((r) => r.cells);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    for (const value of HOSTILE.slice(0, 2)) expect(cells).toContain(`'${value}`);
  });

  it.each(HOSTILE)('csvField(%j) starts with an apostrophe', (value) => {
    expect(csvField(value).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it.each([['Kowalska', 'Kowalska'], ['2+2', '2+2'], ['', ''], ['–', '–']])('leaves %j alone', (value, out) => {
    expect(neutralizeFormula(value)).toBe(out);
  });

  it('writes numbers as numbers', () => {
    expect(csvField(12)).toBe('12');
  });

  it('the register import reads the neutralised names back as they were', () => {
    const parsed = parseCsv(registerToCsv(people.slice(0, 4), new Map()));
    if (!parsed.ok) throw new Error('parse');
    const result = previewImport(parsed.rows, guessMapping(parsed.rows[0]!.cells), { unitId: 'unit-1', today: '2026-11-23', studios: new Map(), existing: [] });
    expect(result.rows.map((r) => r.record.lastName)).toEqual(HOSTILE.slice(0, 4));
  });
});
