// HOSTILE-CSV: the register's CSV import fed hostile files by fast-check. Any text at all is read
// without throwing and every problem names a real line and column; a valid file with bad cells
// planted in it is refused (the preview lists an issue at each planted line and column, and only
// there), and no row without an issue holds a record the register would refuse, so importing only
// an issue-free file (the screen's rule) never lets part of a bad file in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseCsv, participantErrors, validateRecord, type ImportContext, type ImportField,
} from '../../../src/domain';
import { guessMapping, IMPORT_FIELDS, previewImport } from '../../../src/domain/register/import';

const RUNS = Number(process.env.FC_RUNS ?? (process.env.CI ? 300 : 60));
const ctx: ImportContext = { unitId: 'unit-1', today: '2026-11-23', studios: new Map([['stolarnia', 'st-1']]), existing: [] };

const HEADERS = ['Imię', 'Nazwisko', 'Data urodzenia', 'PESEL', 'Dieta', 'Dowóz', 'Dni', 'Pracownia'] as const;
type Header = (typeof HEADERS)[number];

/** Cells each column must refuse. */
const BAD: Record<Header, string[]> = {
  'Imię': ['', '   ', 'x'.repeat(101), 'Jan\u0000'],
  'Nazwisko': ['', 'Ż'.repeat(150), '\u0007Kos', 'Kos\ud800'],
  'Data urodzenia': ['31.02.1980', 'wczoraj', '1980-13-01', '00.00.0000', '1.1.19800'],
  'PESEL': ['44051401459', '123', 'abcdefghijk', '440514014580'],
  'Dieta': ['frytkowa', '1'],
  'Dowóz': ['może', '2', 'tak!'],
  'Dni': ['xyz', '8', 'pn, nd, ?'],
  'Pracownia': ['Kuźnia', 'stolarnia 2'],
};

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
const pad = (n: number) => String(n).padStart(2, '0');

/** A valid data row: Polish names, a real birth date (never 14.05.1944, the bad PESEL's date), no PESEL. */
const goodRow: fc.Arbitrary<Record<Header, string>> = fc.record({
  'Imię': fc.constantFrom('Anna', 'Łucja', 'Jan', 'Zdzisław', 'Ewa-Maria', 'Óla "Ola"'),
  'Nazwisko': fc.constantFrom('Kowalska', 'Żółć', 'Wróbel; Nowak', 'Brzęczyszczykiewicz', 'O\'Neil'),
  'Data urodzenia': fc.tuple(fc.integer({ min: 1930, max: 2005 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .filter(([y, m, d]) => !(y === 1944 && m === 5 && d === 14)).map(([y, m, d]) => `${pad(d)}.${pad(m)}.${y}`),
  'PESEL': fc.constant(''),
  'Dieta': fc.constantFrom('', 'standardowa', 'cukrzycowa', 'Bezglutenowa'),
  'Dowóz': fc.constantFrom('', 'tak', 'NIE', 'x'),
  'Dni': fc.constantFrom('', 'pn, śr, pt', '1 2 3', 'wt/czw'),
  'Pracownia': fc.constantFrom('', 'Stolarnia', 'stolarnia'),
});

/** Any text, and CSV-shaped text whose cells are hostile. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('"', '""', '"a;b"', '\r', '\n', ';', ',', '\ufeff', '=SUMA(A1)', 'Imię', 'PESEL', 'Data urodzenia')), { maxLength: 8 }), { maxLength: 8 })
    .map((rows) => rows.map((r) => r.join(';')).join('\n')),
);

describe('HOSTILE-CSV: the CSV import refuses a bad file whole, naming lines and columns', () => {
  it('reads any text without throwing; every issue names a line of the file and a column', () => {
    fc.assert(fc.property(anyText, fc.array(fc.option(fc.constantFrom(...IMPORT_FIELDS)), { maxLength: 10 }), (text, randomMapping) => {
      const parsed = parseCsv(text);
      const lineCount = text.split(/\r\n|\r|\n/).length;
      if (!parsed.ok) {
        expect(parsed.line).toBeGreaterThanOrEqual(1);
        expect(parsed.line).toBeLessThanOrEqual(lineCount);
        return;
      }
      const headers = parsed.rows[0]?.cells ?? [];
      // The lines of the rows, and line 1 for a whole-file problem (a file of nothing but an empty quoted cell has no rows).
      const lines = new Set([1, ...parsed.rows.map((r) => r.line)]);
      for (const mapping of [guessMapping(headers), randomMapping as (ImportField | null)[]]) {
        const preview = previewImport(parsed.rows, mapping, ctx);
        for (const issue of preview.issues) {
          expect(lines.has(issue.line), `line ${issue.line}`).toBe(true);
          expect(issue.column.length).toBeGreaterThan(0);
          expect([...headers.map((h) => h.trim()), ...IMPORT_FIELDS]).toContain(issue.column);
          expect(issue.code).toMatch(/^[a-z][A-Za-z0-9]*$/);
        }
        expect(preview.rows).toHaveLength(Math.max(0, parsed.rows.length - 1));
      }
    }), { numRuns: RUNS });
  });

  it('refuses a valid file with bad cells planted in it: an issue at each planted line and column, and nowhere else', () => {
    const file = fc.array(goodRow, { minLength: 1, maxLength: 12 }).chain((rows) => fc.tuple(
      fc.constant(rows),
      fc.uniqueArray(fc.tuple(fc.nat(rows.length - 1), fc.constantFrom(...HEADERS)), { minLength: 1, maxLength: 4, selector: ([r, h]) => `${r}:${h}` }),
      fc.constantFrom(';', ','),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
    ));
    fc.assert(fc.property(file, fc.infiniteStream(fc.nat()), ([rows, plants, sep, eol, bom], picks) => {
      const data = rows.map((r) => ({ ...r }));
      for (const [r, header] of plants) {
        const choices = BAD[header];
        data[r]![header] = choices[picks.next().value % choices.length]!;
      }
      const text = (bom ? '\ufeff' : '') + [HEADERS.map(quote).join(sep), ...data.map((r) => HEADERS.map((h) => quote(r[h])).join(sep))].join(eol) + eol;
      const parsed = parseCsv(text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const mapping = guessMapping(parsed.rows[0]!.cells);
      expect(mapping).toEqual(['firstName', 'lastName', 'birthDate', 'pesel', 'diet', 'needsTransport', 'weekdays', 'studio']);
      const preview = previewImport(parsed.rows, mapping, ctx);

      const where = (issue: { line: number; column: string }) => `${issue.line}:${issue.column}`;
      const found = new Set(preview.issues.map(where));
      for (const [r, header] of plants) expect(found, `${header} = ${JSON.stringify(data[r]![header])} on line ${r + 2}`).toContain(`${r + 2}:${header}`);
      const planted = new Set(plants.map(([r]) => r + 2));
      for (const issue of preview.issues) expect(planted, JSON.stringify(issue)).toContain(issue.line);
    }), { numRuns: RUNS });
  });

  it('finds no issue only in a file whose every record the register accepts', () => {
    const plausible = fc.array(goodRow, { minLength: 1, maxLength: 5 }).chain((rows) => fc.tuple(fc.constant(rows), fc.nat(rows.length - 1), fc.constantFrom(...HEADERS), fc.string({ unit: 'binary', maxLength: 15 })))
      .map(([rows, r, header, junk]) => {
        const data = rows.map((x, i) => (i === r ? { ...x, [header]: junk } : x));
        return [HEADERS.join(';'), ...data.map((x) => HEADERS.map((h) => quote(x[h])).join(';'))].join('\n');
      });
    fc.assert(fc.property(fc.oneof(anyText, plausible), (text) => {
      const parsed = parseCsv(text);
      if (!parsed.ok) return;
      const preview = previewImport(parsed.rows, guessMapping(parsed.rows[0]?.cells ?? []), ctx);
      if (preview.issues.length > 0) return;
      for (const row of preview.rows) {
        const checked = validateRecord('participants', { id: 'p', organizationId: 'o', hlc: '0000000000000-0000-import', changedBy: 'u', deleted: false, ...row.record });
        expect(checked.ok, `line ${row.line}: ${JSON.stringify(checked.ok ? [] : checked.issues)}`).toBe(true);
        if (checked.ok) expect(participantErrors(checked.value)).toEqual([]);
      }
    }), { numRuns: RUNS });
  });
});
