import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER, buildRegisterIndex, filterRegister, parseCsv, participantErrors, participantWarnings, type ImportContext,
} from '../../../src/domain';
import { registerToCsv } from '../../../src/domain/register/export';
import { guessMapping, previewImport } from '../../../src/domain/register/import';
import { person } from '../rules/fixtures';

const people = [
  person('p-1', { firstName: 'Łukasz', lastName: 'Żółw', diet: 'diabetic', attendanceWeekdays: [1, 3], studioId: 'st-1' }),
  person('p-2', { firstName: 'Anna', lastName: 'Nowak', transport: { needsTransport: true, mobilityAid: 'wheelchair', driverNote: '' } }),
  person('p-3', { firstName: 'Zenon', lastName: 'Ćwik', status: 'discharged', pesel: '44051401458', phone: '600 100 200' }),
];
const index = buildRegisterIndex(people);
const names = (f: Partial<typeof EMPTY_FILTER>) => filterRegister(index, { ...EMPTY_FILTER, ...f }).map((p) => p.lastName);

describe('register search and filters', () => {
  it.each([
    ['', ['Ćwik', 'Nowak', 'Żółw']],
    ['lukasz', ['Żółw']],
    ['ZOLW', ['Żółw']],
    ['nowak anna', ['Nowak']],
    ['cwik', ['Ćwik']],
    ['440514', ['Ćwik']],
    ['600100', ['Ćwik']],
    ['kowalski', []],
  ])('"%s" finds %j, in Polish order', (query, expected) => {
    expect(names({ query })).toEqual(expected);
  });

  it.each([
    [{ status: 'active' as const }, ['Nowak', 'Żółw']],
    [{ weekday: 3 as const }, ['Ćwik', 'Nowak', 'Żółw']],
    [{ weekday: 2 as const }, ['Ćwik', 'Nowak']],
    [{ transport: true }, ['Nowak']],
    [{ diet: 'diabetic' as const }, ['Żółw']],
    [{ studioId: 'st-1' }, ['Żółw']],
  ])('filter %j', (filter, expected) => {
    expect(names(filter)).toEqual(expected);
  });
});

describe('parseCsv', () => {
  it('reads Excel’s Polish CSV: BOM, semicolons, quotes, a line break inside quotes', () => {
    const parsed = parseCsv('\uFEFFImię;Nazwisko;Uwagi\r\nŁucja;"Kowalska; z d. Nowak";"dwie\r\nlinie"\r\n\r\nJan;Nowak;"cytat ""tak"""\r\n');
    expect(parsed).toEqual({ ok: true, separator: ';', rows: [
      { line: 1, cells: ['Imię', 'Nazwisko', 'Uwagi'] },
      { line: 2, cells: ['Łucja', 'Kowalska; z d. Nowak', 'dwie\r\nlinie'] },
      { line: 5, cells: ['Jan', 'Nowak', 'cytat "tak"'] },
    ] });
  });

  it('takes commas when the header has them, and refuses an unclosed quote with its line', () => {
    expect(parseCsv('a,b\n1,2').ok && parseCsv('a,b\n1,2')).toMatchObject({ separator: ',', rows: [{ cells: ['a', 'b'] }, { cells: ['1', '2'] }] });
    expect(parseCsv('a;b\n1;"2\n3;4')).toEqual({ ok: false, line: 2, code: 'unclosedQuote' });
    expect(parseCsv('  \n')).toEqual({ ok: false, line: 1, code: 'empty' });
  });
});

const ctx: ImportContext = { unitId: 'unit-1', today: '2026-11-23', studios: new Map([['stolarnia', 'st-1']]), existing: [people[1]!] };
const HEAD = 'Imię;Nazwisko;Data urodzenia;PESEL;Pracownia;Dni;Dieta;Dowóz\n';

function preview(body: string) {
  const parsed = parseCsv(HEAD + body);
  if (!parsed.ok) throw new Error('parse');
  return previewImport(parsed.rows, guessMapping(parsed.rows[0]!.cells), ctx);
}

describe('CSV import of participants', () => {
  it('maps Polish headers to fields', () => {
    expect(guessMapping(['Imię', 'NAZWISKO', 'data urodzenia', 'PESEL', 'Telefon', 'Kod pocztowy', 'Miejscowość', 'Orzeczenie ważne do', 'Coś innego']))
      .toEqual(['firstName', 'lastName', 'birthDate', 'pesel', 'phone', 'postalCode', 'city', 'certificateValidUntil', null]);
  });

  it('turns good rows into records, with Polish words and dates understood', () => {
    const result = preview('Łucja;Wrona;14.05.1944;44051401458;Stolarnia;pn, śr, pt;cukrzycowa;tak\nJan;Kos;1990-01-02;;;;;nie\n');
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => r.record)).toMatchObject([
      { firstName: 'Łucja', birthDate: '1944-05-14', studioId: 'st-1', attendanceWeekdays: [1, 3, 5], diet: 'diabetic', transport: { needsTransport: true } },
      { firstName: 'Jan', birthDate: '1990-01-02', pesel: null, attendanceWeekdays: [1, 2, 3, 4, 5], diet: 'standard', transport: { needsTransport: false } },
    ]);
  });

  it('names every bad line and column (three bad lines → three errors)', () => {
    const result = preview([
      'Łucja;Wrona;14.05.1944;44051401458;;;;nie',
      'Adam;Lis;31.02.1980;;;;;nie',
      'Ewa;Sowa;01.01.1970;44051401459;;;;nie',
      'Olga;Mak;01.01.1970;;;;frytkowa;nie',
      'Piotr;Kruk;02.02.1972;;;;;nie',
    ].join('\n'));
    expect(result.issues).toEqual([
      { line: 3, column: 'Data urodzenia', code: 'invalidDay' },
      { line: 4, column: 'PESEL', code: 'peselChecksum' },
      { line: 5, column: 'Dieta', code: 'invalidOption' },
    ]);
  });

  it('flags a PESEL that disagrees with the birth date', () => {
    expect(preview('Łucja;Wrona;15.05.1944;44051401458;;;;nie').issues).toEqual([{ line: 2, column: 'PESEL', code: 'peselBirthDateMismatch' }]);
  });

  it('flags likely duplicates, in the file and against the register, without refusing them', () => {
    const result = preview('Anna;Nowak;15.06.1980;;;;;nie\nJan;Kos;1990-01-02;;;;;nie\njan;KOS;02.01.1990;;;;;nie\n');
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => r.duplicate)).toEqual(['inRegister', null, 'line:3']);
    expect(result.duplicates).toBe(2);
  });

  it('refuses a file without a required column', () => {
    const parsed = parseCsv('Imię;Nazwisko\nJan;Kos');
    if (!parsed.ok) throw new Error('parse');
    expect(previewImport(parsed.rows, guessMapping(parsed.rows[0]!.cells), ctx).issues).toContainEqual({ line: 1, column: 'birthDate', code: 'columnMissing' });
  });
});

describe('participant checks and export', () => {
  it('PESEL must agree with the birth date; Senior+ under 60 and an expired certificate are warnings', () => {
    expect(participantErrors({ pesel: '44051401458', birthDate: '1944-05-14' })).toEqual([]);
    expect(participantErrors({ pesel: '44051401458', birthDate: '1944-05-15' })).toEqual([{ path: 'pesel', code: 'peselBirthDateMismatch' }]);
    expect(participantWarnings({ birthDate: '1970-01-01', disabilityCertificate: { degree: 'light', validUntil: '2026-01-01' } }, 'seniorPlus', '2026-11-23'))
      .toEqual([{ path: 'birthDate', code: 'seniorUnder60' }, { path: 'disabilityCertificate.validUntil', code: 'certificateExpired' }]);
    expect(participantWarnings({ birthDate: '1960-01-01', disabilityCertificate: null }, 'seniorPlus', '2026-11-23')).toEqual([]);
  });

  it('exports the register as CSV for Excel', () => {
    const csv = registerToCsv(index.people, new Map([['st-1', 'Stolarnia']]));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain('Żółw;Łukasz;15.06.1980;;aktywny;Stolarnia;pn,śr;');
  });
});
