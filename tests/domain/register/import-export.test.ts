// Import and export of the register together: what the export writes the import reads back,
// Excel's habits are undone (a PESEL without its leading zero, an apostrophe against formulas),
// and the stay, certificate and status columns are understood.
import { describe, expect, it } from 'vitest';
import {
  parseCsv, type ImportContext, type Participant,
} from '../../../src/domain';
import { neutralizeFormula } from '../../../src/domain/csv-writer';
import { registerToCsv } from '../../../src/domain/register/export';
import { guessMapping, previewImport } from '../../../src/domain/register/import';
import { person } from '../rules/fixtures';

const ctx: ImportContext = { unitId: 'unit-1', today: '2026-11-23', studios: new Map([['stolarnia', 'st-1']]), existing: [] };

function importText(text: string, context: ImportContext = ctx) {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error('parse');
  return previewImport(parsed.rows, guessMapping(parsed.rows[0]!.cells), context);
}

const people: Participant[] = [
  person('p-1', {
    firstName: 'Łukasz', lastName: 'Żółw', birthDate: '2002-07-08', pesel: '02270803624', studioId: 'st-1', attendanceWeekdays: [1, 3, 5],
    phone: '+48 600 100 200', address: { street: 'ul. Lipowa 3', postalCode: '81-001', city: 'Gdynia' },
    transport: { needsTransport: true, mobilityAid: 'wheelchair', driverNote: '' }, diet: 'glutenFree', allergies: '=orzechy',
    disabilityCertificate: { degree: 'severe', validUntil: null },
  }),
  person('p-2', {
    firstName: 'Zenon', lastName: 'Ćwik', birthDate: '1944-05-14', pesel: '44051401458', status: 'discharged', admissionDate: '2019-03-01',
    dischargeDate: '2026-01-31', dischargeReason: 'przeprowadzka; do córki', diet: 'lactoseFree',
    disabilityCertificate: { degree: 'moderate', validUntil: '2027-05-31' }, transport: { needsTransport: false, mobilityAid: 'walker', driverNote: '' },
  }),
];

/** What the export carries of a record (contacts, consents, notes, the IPR and the driver's note stay out). */
const exported = (p: Omit<Participant, 'id' | 'organizationId' | 'hlc' | 'changedBy' | 'deleted'>) => ({
  firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate, pesel: p.pesel, status: p.status, studioId: p.studioId,
  attendanceWeekdays: p.attendanceWeekdays, admissionDate: p.admissionDate, dischargeDate: p.dischargeDate, dischargeReason: p.dischargeReason,
  phone: p.phone?.replace(/^\+48 /, '') ?? null, address: p.address, needsTransport: p.transport.needsTransport,
  mobilityAid: p.transport.mobilityAid, diet: p.diet, allergies: p.allergies, disabilityCertificate: p.disabilityCertificate,
});

describe('export → import', () => {
  it('reads back everything the export writes', () => {
    const csv = registerToCsv(people, new Map([['st-1', 'Stolarnia']]));
    const result = importText(csv);
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => exported(r.record))).toEqual(people.map(exported));
  });

  it('keeps Excel from reading cells as formulas, and the import drops the apostrophe again', () => {
    const csv = registerToCsv(people, new Map([['st-1', 'Stolarnia']]));
    const row = csv.slice(1).split('\r\n')[1]!;
    expect(row).toContain(";'=orzechy;");
    expect(row).toContain(';600 100 200;');
    expect(row).not.toContain('+48');
  });

  it.each([
    ['=SUMA(A1:A9)', "'=SUMA(A1:A9)"],
    ['+49 30 1234567', "'+49 30 1234567"],
    ['-', "'-"],
    ['@user', "'@user"],
    ['Kowalska', 'Kowalska'],
    ['', ''],
    ['2+2', '2+2'],
  ])('neutralizeFormula(%j) → %j', (cell, expected) => {
    expect(neutralizeFormula(cell)).toBe(expected);
  });
});

const HEAD = 'Imię;Nazwisko;Data urodzenia;PESEL;Status;Data skreślenia;Powód skreślenia;Stopień orzeczenia;Orzeczenie ważne do;Data przyjęcia\n';

describe('import of the stay, the certificate and Excel-mangled cells', () => {
  it.each([
    ['a PESEL that lost one leading zero in Excel', 'Ala;Kot;08.07.2002;2270803624;;;;;;', { pesel: '02270803624' }],
    ['a PESEL that lost two', 'Ola;Kot;01.01.2000;210104565;;;;;;', { pesel: '00210104565' }],
    ['a PESEL with spaces', 'Ala;Kot;08.07.2002;022 708 036 24;;;;;;', { pesel: '02270803624' }],
    ['a certificate for good', 'Jan;Kos;02.01.1990;;;;;znaczny;na stałe;', { disabilityCertificate: { degree: 'severe', validUntil: null } }],
    ['a certificate with a date only', 'Jan;Kos;02.01.1990;;;;;;31.12.2027;', { disabilityCertificate: { degree: 'moderate', validUntil: '2027-12-31' } }],
    ['no certificate', 'Jan;Kos;02.01.1990;;;;;;;', { disabilityCertificate: null }],
    ['a struck-off person', 'Jan;Kos;02.01.1990;;skreślona;31.01.2026;zmiana miejsca zamieszkania;;;01.09.2015', {
      status: 'discharged', dischargeDate: '2026-01-31', dischargeReason: 'zmiana miejsca zamieszkania',
    }],
    ['a candidate (discharge columns ignored)', 'Jan;Kos;02.01.1990;;kandydat;31.01.2026;x;;;', { status: 'candidate', dischargeDate: null, dischargeReason: null }],
    ['no status means active', 'Jan;Kos;02.01.1990;;;;;;;', { status: 'active' }],
  ])('%s', (_name, line, expected) => {
    const result = importText(HEAD + line);
    expect(result.issues).toEqual([]);
    expect(result.rows[0]!.record).toMatchObject(expected);
  });

  it.each([
    ['a struck-off person without the date', 'Jan;Kos;02.01.1990;;skreślony;;;;;', { column: 'Data skreślenia', code: 'dischargeDateRequired' }],
    ['a discharge before the admission', 'Jan;Kos;02.01.1990;;skreślony;31.01.2015;x;;;01.09.2015', { column: 'Data skreślenia', code: 'dischargeBeforeAdmission' }],
    ['an unknown status', 'Jan;Kos;02.01.1990;;wypisany;;;;;', { column: 'Status', code: 'invalidOption' }],
    ['an unknown degree', 'Jan;Kos;02.01.1990;;;;;ciężki;;', { column: 'Stopień orzeczenia', code: 'invalidOption' }],
    ['a 10-digit PESEL that is not a lost zero', 'Ala;Kot;08.07.2002;2270803625;;;;;;', { column: 'PESEL', code: 'peselChecksum' }],
    ['a PESEL of another birth date', 'Ala;Kot;09.07.2002;02270803624;;;;;;', { column: 'PESEL', code: 'peselBirthDateMismatch' }],
  ])('%s is an error of its line and column', (_name, line, expected) => {
    expect(importText(HEAD + line).issues).toEqual([{ line: 2, ...expected }]);
  });

  it('a missing required column is one error for the file, not one more on every line', () => {
    expect(importText('Imię;Nazwisko\nJan;Kos\nAla;Kot\n').issues).toEqual([{ line: 1, column: 'birthDate', code: 'columnMissing' }]);
  });

  it('maps the headers of its own export and their usual variants', () => {
    expect(guessMapping(['Status', 'Data skreślenia', 'Powód skreślenia', 'Stopień orzeczenia', 'Orzeczenie ważne do', 'Uwagi dla kierowcy', 'Data przyjęcia']))
      .toEqual(['status', 'dischargeDate', 'dischargeReason', 'certificateDegree', 'certificateValidUntil', 'driverNote', 'admissionDate']);
  });
});
