/**
 * Importing participants from a CSV file: the columns are matched to fields (Polish headers are
 * recognised, the user can change the mapping), every row is turned into a participant record and
 * checked with the same schema and checks as the form, every problem is reported with its line
 * and column, and likely duplicates (same name and birth date, in the file or already in the
 * register) are flagged. The caller imports nothing unless `errors` is zero.
 */
import { formatHlc } from '../hlc';
import { DIETS, MOBILITY_AIDS, DISABILITY_DEGREES, type PARTICIPANT_STATUSES, type Participant } from '../entities/participant';
import { validateRecord } from '../entities/registry';
import { isDay, type Day, type Weekday } from '../primitives';
import { foldForSearch } from '../rules/polish-sort';
import { participantErrors } from './checks';
import type { CsvRow } from './csv';

export const IMPORT_FIELDS = [
  'firstName', 'lastName', 'birthDate', 'pesel', 'phone', 'street', 'postalCode', 'city', 'studio', 'weekdays',
  'admissionDate', 'status', 'dischargeDate', 'dischargeReason', 'diet', 'allergies', 'needsTransport', 'mobilityAid', 'driverNote',
  'certificateDegree', 'certificateValidUntil', 'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = ['firstName', 'lastName', 'birthDate'];

/** Folded header words → field. */
const HEADER_WORDS: [RegExp, ImportField][] = [
  [/^imie$|^imiona$|first ?name/, 'firstName'],
  [/^nazwisko$|last ?name|surname/, 'lastName'],
  [/data urodzenia|urodzon|birth/, 'birthDate'],
  [/pesel/, 'pesel'],
  [/telefon|tel\.?$|phone/, 'phone'],
  [/ulica|^adres$|street|address/, 'street'],
  [/kod/, 'postalCode'],
  [/miejscowosc|miasto|^city$/, 'city'],
  [/pracownia|studio/, 'studio'],
  [/^dni|weekday|days/, 'weekdays'],
  [/przyjec|admission/, 'admissionDate'],
  [/^status$/, 'status'],
  [/powod|reason/, 'dischargeReason'],
  [/skresl|discharge/, 'dischargeDate'],
  [/dieta|diet/, 'diet'],
  [/alergi|allerg/, 'allergies'],
  [/dowoz|transport/, 'needsTransport'],
  [/sprzet|poruszani|mobility/, 'mobilityAid'],
  [/kierowc|driver/, 'driverNote'],
  [/orzeczenie.*(waz|do)|certificate.*(valid|until)/, 'certificateValidUntil'],
  [/stopien|orzeczenie|degree/, 'certificateDegree'],
  [/uwagi|notes?$/, 'notes'],
];

/** The field each header most likely means (null: not imported). Each field is used once. */
export function guessMapping(headers: readonly string[]): (ImportField | null)[] {
  const used = new Set<ImportField>();
  return headers.map((h) => {
    const folded = foldForSearch(h).trim();
    for (const [re, field] of HEADER_WORDS) {
      if (re.test(folded) && !used.has(field)) {
        used.add(field);
        return field;
      }
    }
    return null;
  });
}

/** Polish words accepted in cells, by field. */
const DIET_WORDS: Record<string, (typeof DIETS)[number]> = {
  standardowa: 'standard', zwykla: 'standard', cukrzycowa: 'diabetic', lekkostrawna: 'easyToDigest', wegetarianska: 'vegetarian',
  bezglutenowa: 'glutenFree', 'bez laktozy': 'lactoseFree', bezlaktozowa: 'lactoseFree', inna: 'other',
};
const AID_WORDS: Record<string, (typeof MOBILITY_AIDS)[number]> = {
  brak: 'none', 'bez sprzetu': 'none', laska: 'cane', kule: 'crutches', balkonik: 'walker', chodzik: 'walker', wozek: 'wheelchair', 'wozek inwalidzki': 'wheelchair', inny: 'other',
};
const DEGREE_WORDS: Record<string, (typeof DISABILITY_DEGREES)[number]> = {
  lekki: 'light', umiarkowany: 'moderate', znaczny: 'severe', 'do 16 lat': 'under16', 'ponizej 16 lat': 'under16',
};
const STATUS_WORDS: Record<string, (typeof PARTICIPANT_STATUSES)[number]> = {
  aktywny: 'active', aktywna: 'active', kandydat: 'candidate', kandydatka: 'candidate', zawieszony: 'suspended', zawieszona: 'suspended',
  skreslony: 'discharged', skreslona: 'discharged',
};
/** A certificate issued for good (na stałe) has no last valid day. */
const PERMANENT = new Set(['na stale', 'bezterminowo', 'bezterminowe']);
const WEEKDAY_WORDS: Record<string, Weekday> = { pn: 1, pon: 1, wt: 2, sr: 3, czw: 4, cz: 4, pt: 5, pia: 5, sob: 6, nd: 7, niedz: 7 };
const YES = new Set(['tak', 't', '1', 'x', 'yes']);
const NO = new Set(['nie', 'n', '0', '', 'no']);

/** '23.11.2026' or '2026-11-23' → '2026-11-23'; null when neither. */
export function parseDay(cell: string): Day | null {
  const s = cell.trim();
  const pl = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const day = pl ? `${pl[3]}-${pl[2]!.padStart(2, '0')}-${pl[1]!.padStart(2, '0')}` : s;
  return isDay(day) ? day : null;
}

/**
 * The PESEL of a cell, spaces removed. Excel shows a PESEL as a number and drops the leading
 * zeros of people born in 2000–2009 ("02270803628" → 2270803628): 9 or 10 digits get them back;
 * the checksum and the birth date still check the result.
 */
function peselOf(raw: string): string | null {
  const digits = raw.replace(/\s+/g, '');
  if (digits === '') return null;
  return /^\d{9,10}$/.test(digits) ? digits.padStart(11, '0') : digits;
}

/** True when `cell` holds a C0 control character other than tab and line breaks, DEL, or a lone UTF-16 surrogate. */
function hasControlCharacter(cell: string): boolean {
  for (let i = 0; i < cell.length; i += 1) {
    const c = cell.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = cell.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

export interface ImportIssue { line: number; column: string; code: string }
export interface ImportedRow { line: number; record: Omit<Participant, 'id' | 'organizationId' | 'hlc' | 'changedBy' | 'deleted'>; duplicate: string | null }
export interface ImportPreview { rows: ImportedRow[]; issues: ImportIssue[]; duplicates: number }

export interface ImportContext {
  unitId: string;
  today: Day;
  /** Studios of the unit by folded name. */
  studios: ReadonlyMap<string, string>;
  existing: readonly Pick<Participant, 'firstName' | 'lastName' | 'birthDate'>[];
}

const PLACEHOLDER_META = { id: 'import', organizationId: 'import', hlc: formatHlc({ wall: 0, counter: 0, device: 'import' }), changedBy: 'import', deleted: false };

/** Record-level checks (dates in order) are reported at the column of the later date. */
const ROOT_PATHS: Record<string, string> = { admissionBeforeBirth: 'admissionDate', dischargeBeforeAdmission: 'dischargeDate' };

/** Which CSV column a record path comes from, for "line 4, column PESEL". */
function columnOf(path: string, headers: readonly string[], mapping: readonly (ImportField | null)[]): string {
  const field: ImportField | null = ({
    firstName: 'firstName', lastName: 'lastName', birthDate: 'birthDate', pesel: 'pesel', phone: 'phone', 'address.street': 'street',
    'address.postalCode': 'postalCode', 'address.city': 'city', studioId: 'studio', attendanceWeekdays: 'weekdays', admissionDate: 'admissionDate',
    status: 'status', dischargeDate: 'dischargeDate', dischargeReason: 'dischargeReason',
    diet: 'diet', allergies: 'allergies', 'transport.needsTransport': 'needsTransport', 'transport.mobilityAid': 'mobilityAid',
    'transport.driverNote': 'driverNote', 'disabilityCertificate.degree': 'certificateDegree', 'disabilityCertificate.validUntil': 'certificateValidUntil', notes: 'notes',
  } as Record<string, ImportField>)[path] ?? null;
  const index = field ? mapping.indexOf(field) : -1;
  // A column without a header is named by its field, so the message never says "column ''".
  return index >= 0 ? (headers[index]?.trim() || field || path) : path;
}

/** Builds and checks every data row (the first row holds the headers). */
export function previewImport(rows: readonly CsvRow[], mapping: readonly (ImportField | null)[], ctx: ImportContext): ImportPreview {
  const headers = rows[0]?.cells ?? [];
  const issues: ImportIssue[] = [];
  // A required column that is missing is one error for the file, not one more on every line.
  const missing = new Set<string>(REQUIRED_FIELDS.filter((field) => !mapping.includes(field)));
  for (const field of missing) issues.push({ line: rows[0]?.line ?? 1, column: field, code: 'columnMissing' });
  const seen = new Map<string, number>();
  for (const p of ctx.existing) seen.set(foldForSearch(`${p.firstName} ${p.lastName} ${p.birthDate}`), 0);
  const out: ImportedRow[] = [];
  let duplicates = 0;
  for (const row of rows.slice(1)) {
    const cell = (field: ImportField) => {
      const i = mapping.indexOf(field);
      // A leading apostrophe is how the export (and Excel users) keep a cell from being a formula.
      return i >= 0 ? (row.cells[i] ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, '') : '';
    };
    const rowIssues: ImportIssue[] = [];
    const bad = (field: ImportField, code: string) => {
      const i = mapping.indexOf(field);
      rowIssues.push({ line: row.line, column: i >= 0 ? (headers[i]?.trim() || field) : field, code });
    };
    const dayOf = (field: ImportField, fallback: Day | null): Day | null => {
      const raw = cell(field);
      if (raw === '') return fallback;
      const d = parseDay(raw);
      if (d === null) bad(field, 'invalidDay');
      return d;
    };
    const pick = <T>(field: ImportField, words: Record<string, T>, fallback: T): T => {
      const raw = foldForSearch(cell(field)).trim();
      if (raw === '') return fallback;
      const found = words[raw];
      if (found === undefined) bad(field, 'invalidOption');
      return found ?? fallback;
    };
    // Control characters (a NUL from a misread UTF-16 file, a bell) are refused: the server cannot store a NUL.
    mapping.forEach((field, i) => {
      if (field !== null && hasControlCharacter(row.cells[i] ?? '')) bad(field, 'invalidCharacter');
    });
    const weekdays: Weekday[] = [];
    for (const part of foldForSearch(cell('weekdays')).split(/[\s,;/]+/).filter(Boolean)) {
      const n = /^[1-7]$/.test(part) ? (Number(part) as Weekday) : WEEKDAY_WORDS[part];
      if (n === undefined) bad('weekdays', 'invalidWeekday');
      else if (!weekdays.includes(n)) weekdays.push(n);
    }
    const transportRaw = foldForSearch(cell('needsTransport')).trim();
    if (!YES.has(transportRaw) && !NO.has(transportRaw)) bad('needsTransport', 'invalidYesNo');
    const studioRaw = cell('studio');
    const studioId = studioRaw === '' ? null : (ctx.studios.get(foldForSearch(studioRaw)) ?? null);
    if (studioRaw !== '' && studioId === null) bad('studio', 'unknownStudio');
    const degreeRaw = cell('certificateDegree');
    const permanent = PERMANENT.has(foldForSearch(cell('certificateValidUntil')).trim());
    const validUntil = permanent ? null : dayOf('certificateValidUntil', null);
    const status = pick('status', STATUS_WORDS, 'active');
    const discharged = status === 'discharged';
    const record = {
      firstName: cell('firstName'), lastName: cell('lastName'), birthDate: dayOf('birthDate', null) ?? cell('birthDate'),
      pesel: peselOf(cell('pesel')), unitId: ctx.unitId, studioId,
      attendanceWeekdays: weekdays.length > 0 ? weekdays.sort((a, b) => a - b) : [1, 2, 3, 4, 5],
      admissionDate: dayOf('admissionDate', ctx.today) ?? ctx.today,
      dischargeDate: discharged ? dayOf('dischargeDate', null) : null, dischargeReason: discharged && cell('dischargeReason') !== '' ? cell('dischargeReason') : null, status,
      phone: cell('phone') === '' ? null : cell('phone'), contacts: [],
      address: { street: cell('street'), postalCode: cell('postalCode'), city: cell('city') },
      transport: { needsTransport: YES.has(transportRaw), mobilityAid: pick('mobilityAid', AID_WORDS, 'none'), driverNote: cell('driverNote') },
      diet: pick('diet', DIET_WORDS, 'standard'), allergies: cell('allergies'),
      disabilityCertificate: degreeRaw === '' && validUntil === null && !permanent ? null : { degree: pick('certificateDegree', DEGREE_WORDS, 'moderate'), validUntil },
      rehabPlan: null, consents: { dataProcessing: true, photos: false, outings: false, signedOn: null }, notes: cell('notes'),
    };
    const checked = validateRecord('participants', { ...PLACEHOLDER_META, ...record });
    if (!checked.ok) {
      for (const issue of checked.issues) {
        // Whole-record checks (dates in order) follow from a bad cell already reported: say it once.
        if (issue.path === '' && rowIssues.length > 0) continue;
        const path = issue.path !== '' ? issue.path : (ROOT_PATHS[issue.code] ?? 'birthDate');
        // Cell-level problems reported above already explain a date or option; don't say it twice.
        const column = columnOf(path, headers, mapping);
        if (!rowIssues.some((r) => r.column === column)) rowIssues.push({ line: row.line, column, code: issue.code });
      }
    } else {
      for (const finding of participantErrors(checked.value)) rowIssues.push({ line: row.line, column: columnOf(finding.path, headers, mapping), code: finding.code });
    }
    issues.push(...rowIssues.filter((issue) => !missing.has(issue.column)));
    const key = foldForSearch(`${record.firstName} ${record.lastName} ${record.birthDate}`);
    const earlier = seen.get(key);
    let duplicate: string | null = null;
    if (earlier !== undefined) {
      duplicate = earlier === 0 ? 'inRegister' : `line:${earlier}`;
      duplicates += 1;
    } else {
      seen.set(key, row.line);
    }
    out.push({ line: row.line, record, duplicate });
  }
  return { rows: out, issues, duplicates };
}
