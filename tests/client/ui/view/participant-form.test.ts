// The participant form's pure part: errors and warnings by field path, what is saved, where the
// focus goes; the register's paths; the stays read from the server's history; CSV decoding.
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../../../src/client/i18n';
import type { ParticipantFields } from '../../../../src/client/state/register';
import { decodeCsvBytes } from '../../../../src/client/ui/view/csv-file';
import {
  controlIdOf, emptyParticipant, fieldsOf, participantFormErrors, participantFormWarnings, participantToSave,
} from '../../../../src/client/ui/view/participant-form';
import { registerPath, registerView } from '../../../../src/client/ui/view/register-route';
import { stayHistory } from '../../../../src/client/ui/view/stay-history';
import { makeParticipant } from '../fixtures';

const TODAY = '2026-11-23';
const valid: ParticipantFields = { ...emptyParticipant('unit-1', TODAY), firstName: 'Anna', lastName: 'Kowalska', birthDate: '1944-05-14' };
const form = (patch: Partial<ParticipantFields>): ParticipantFields => ({ ...valid, ...patch });

describe('participantFormErrors', () => {
  it.each<[string, Partial<ParticipantFields>, Record<string, string>]>([
    ['a minimal valid person', {}, {}],
    ['no first name', { firstName: '  ' }, { firstName: 'required' }],
    ['no last name', { lastName: '' }, { lastName: 'required' }],
    ['no birth date', { birthDate: '' }, { birthDate: 'invalidDay' }],
    ['an impossible birth date', { birthDate: '1944-02-30' }, { birthDate: 'invalidDay' }],
    ['a PESEL of 10 digits', { pesel: '4405140145' }, { pesel: 'peselFormat' }],
    ['a PESEL with letters', { pesel: '4405140145X' }, { pesel: 'peselFormat' }],
    ['a PESEL with a wrong checksum', { pesel: '44051401459' }, { pesel: 'peselChecksum' }],
    ['a PESEL of another birth date', { pesel: '44051401458', birthDate: '1944-05-15' }, { pesel: 'peselBirthDateMismatch' }],
    ['a PESEL with spaces, agreeing', { pesel: '440514 01458' }, {}],
    ['an empty PESEL', { pesel: '' }, {}],
    ['a phone too short', { phone: '12 34' }, { phone: 'invalidPhone' }],
    ['a phone with letters', { phone: '600 10O 200' }, { phone: 'invalidPhone' }],
    ['a Polish mobile', { phone: '+48 600 100 200' }, {}],
    ['a landline with dashes', { phone: '58-620-00-00' }, {}],
    ['a contact without a phone', { contacts: [{ name: 'Ewa', relation: 'córka', phone: '', isLegalGuardian: false }] }, { 'contacts.0.phone': 'invalidPhone' }],
    ['a postal code without the dash', { address: { street: '', postalCode: '81001', city: '' } }, { 'address.postalCode': 'invalidPostalCode' }],
    ['admission before birth', { admissionDate: '1940-01-01' }, { admissionDate: 'admissionBeforeBirth' }],
    ['struck off without a date', { status: 'discharged' }, { dischargeDate: 'dischargeDateRequired' }],
    ['struck off before the admission', { status: 'discharged', dischargeDate: '2026-11-22' }, { dischargeDate: 'dischargeBeforeAdmission' }],
    ['struck off on the admission day', { status: 'discharged', dischargeDate: TODAY }, {}],
    ['an IPR review before its start', { rehabPlan: { startDate: '2026-11-01', reviewDate: '2026-10-01' } }, { 'rehabPlan.reviewDate': 'reviewBeforeStart' }],
    ['a certificate valid until a non-day', { disabilityCertificate: { degree: 'light', validUntil: '2026-13-01' } }, { 'disabilityCertificate.validUntil': 'invalidDay' }],
    ['a consent signed on a non-day', { consents: { dataProcessing: true, photos: false, outings: false, signedOn: 'wczoraj' } }, { 'consents.signedOn': 'invalidDay' }],
  ])('%s', (_name, patch, expected) => {
    expect(participantFormErrors(form(patch))).toEqual(expected);
  });
});

describe('participantFormWarnings', () => {
  it.each<[string, Partial<ParticipantFields>, 'wtz' | 'seniorPlus', Record<string, string>]>([
    ['Senior+ at 59', { birthDate: '1967-11-24' }, 'seniorPlus', { birthDate: 'seniorUnder60' }],
    ['Senior+ on the 60th birthday', { birthDate: '1966-11-23' }, 'seniorPlus', {}],
    ['a WTZ participant of 30', { birthDate: '1996-01-01' }, 'wtz', {}],
    ['an expired certificate', { disabilityCertificate: { degree: 'moderate', validUntil: '2026-11-22' } }, 'wtz', { 'disabilityCertificate.validUntil': 'certificateExpired' }],
    ['a certificate valid today', { disabilityCertificate: { degree: 'moderate', validUntil: TODAY } }, 'wtz', {}],
    ['a certificate for good', { disabilityCertificate: { degree: 'moderate', validUntil: null } }, 'wtz', {}],
    ['an overdue IPR review', { rehabPlan: { startDate: '2025-11-01', reviewDate: '2026-11-01' } }, 'wtz', { 'rehabPlan.reviewDate': 'rehabReviewOverdue' }],
    ['no birth date yet', { birthDate: '' }, 'seniorPlus', {}],
  ])('%s', (_name, patch, kind, expected) => {
    expect(participantFormWarnings(form(patch), kind, TODAY)).toEqual(expected);
  });
});

describe('participantToSave', () => {
  it('trims names, turns an empty PESEL into none and removes its spaces', () => {
    expect(participantToSave(form({ firstName: ' Anna ', lastName: 'Kowalska  ', pesel: ' ' }))).toMatchObject({ firstName: 'Anna', lastName: 'Kowalska', pesel: null });
    expect(participantToSave(form({ pesel: '440 514 014 58' })).pesel).toBe('44051401458');
  });

  it.each([
    ['active', '2026-01-31', 'x', null, null],
    ['suspended', '2026-01-31', 'x', null, null],
    ['discharged', '2026-01-31', ' przeprowadzka ', '2026-01-31', 'przeprowadzka'],
    ['discharged', '2026-01-31', '  ', '2026-01-31', null],
  ] as const)('status %s keeps discharge %s / %j as %s / %j', (status, date, reason, savedDate, savedReason) => {
    const saved = participantToSave(form({ status, dischargeDate: date, dischargeReason: reason }));
    expect([saved.dischargeDate, saved.dischargeReason]).toEqual([savedDate, savedReason]);
  });

  it('a stored person round-trips through the form unchanged', () => {
    const p = makeParticipant({ id: 'p-1', firstName: 'Anna', lastName: 'Kowalska' });
    const { id: _i, organizationId: _o, hlc: _h, changedBy: _c, deleted: _d, ...fields } = p;
    expect(participantToSave(fieldsOf(p))).toEqual(fields);
  });
});

describe('controlIdOf', () => {
  it.each([
    ['firstName', 'p-firstName'], ['pesel', 'p-pesel'], ['address.postalCode', 'p-postalCode'], ['contacts.1.phone', 'p-contact-1-phone'],
    ['rehabPlan.reviewDate', 'p-rehabReview'], ['consents.signedOn', 'p-consentSigned'], ['disabilityCertificate.validUntil', 'p-validUntil'],
    ['attendanceWeekdays', 'p-weekday-1'], ['studioId', 'p-studioId'], ['dischargeDate', 'p-dischargeDate'],
  ])('%s → #%s', (path, id) => {
    expect(controlIdOf(path)).toBe(id);
  });
});

describe('register paths', () => {
  it.each([
    ['/uczestnicy', { kind: 'list' }],
    ['/uczestnicy/nowy', { kind: 'new' }],
    ['/uczestnicy/import', { kind: 'import' }],
    ['/uczestnicy/018f3a1c-7b2e-7c00-8000-000000000001', { kind: 'edit', id: '018f3a1c-7b2e-7c00-8000-000000000001' }],
    ['/uczestnicy/demo:p-12', { kind: 'edit', id: 'demo:p-12' }],
    ['/uczestnicy/a/b', { kind: 'list' }],
    ['/uczestnicy/Kowalska%20Anna', { kind: 'list' }],
    ['/obecnosc', { kind: 'list' }],
  ])('%s → %j, and back', (path, view) => {
    expect(registerView(path)).toEqual(view);
    if (!path.includes('/a/') && !path.includes('%') && path !== '/obecnosc') expect(registerPath(registerView(path))).toBe(path);
  });
});

describe('stayHistory', () => {
  it('keeps the stay fields of applied changes, creation and erasure, oldest first', () => {
    const entry = (atMs: number, changes: { field: string; before: unknown; after: unknown }[], superseded = false) => ({ atMs, user: 'Ewa', device: 'Tablet', changes, superseded });
    expect(stayHistory([
      entry(1, [
        { field: 'firstName', before: null, after: 'Anna' }, { field: 'admissionDate', before: null, after: '2020-09-01' },
        { field: 'dischargeDate', before: null, after: null }, { field: 'deleted', before: null, after: false },
      ]),
      entry(2, [{ field: 'phone', before: null, after: '600100200' }]),
      entry(3, [{ field: 'status', before: 'active', after: 'discharged' }, { field: 'dischargeDate', before: null, after: '2026-01-31' }]),
      entry(4, [{ field: 'status', before: 'discharged', after: 'active' }], true),
      entry(5, [{ field: 'unitId', before: 'unit-1', after: 'unit-2' }]),
    ])).toEqual([
      { atMs: 1, user: 'Ewa', device: 'Tablet', changes: [{ field: 'created', before: null, after: null }, { field: 'admissionDate', before: null, after: '2020-09-01' }] },
      { atMs: 3, user: 'Ewa', device: 'Tablet', changes: [{ field: 'status', before: 'active', after: 'discharged' }, { field: 'dischargeDate', before: null, after: '2026-01-31' }] },
      { atMs: 5, user: 'Ewa', device: 'Tablet', changes: [{ field: 'unitId', before: 'unit-1', after: 'unit-2' }] },
    ]);
  });
});

describe('decodeCsvBytes', () => {
  const cp1250: Record<string, number> = { Ą: 0xa5, ą: 0xb9, Ć: 0xc6, ć: 0xe6, Ę: 0xca, ę: 0xea, Ł: 0xa3, ł: 0xb3, Ń: 0xd1, ń: 0xf1, Ó: 0xd3, ó: 0xf3, Ś: 0x8c, ś: 0x9c, Ź: 0x8f, ź: 0x9f, Ż: 0xaf, ż: 0xbf };
  const polish = 'Zażółć gęślą jaźń; ŁÓDŹ, ŚWIĘTOKRZYSKIE, ĄĆŃ';

  it.each([
    ['UTF-8', new TextEncoder().encode(polish), 'utf-8'],
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(polish)]), 'utf-8'],
    ['Windows-1250', Uint8Array.from([...polish].map((ch) => cp1250[ch] ?? ch.charCodeAt(0))), 'windows-1250'],
  ])('reads %s', (_name, bytes, encoding) => {
    expect(decodeCsvBytes(bytes)).toEqual({ text: polish, encoding });
  });
});

describe('register counts in Polish', () => {
  const t = translatorFor('pl');
  it.each([
    [1, 'Pokazano 1 osobę z 25'], [2, 'Pokazano 2 osoby z 25'], [5, 'Pokazano 5 osób z 25'], [12, 'Pokazano 12 osób z 25'],
    [22, 'Pokazano 22 osoby z 25'], [25, 'Pokazano 25 osób z 25'], [0, 'Pokazano 0 osób z 25'],
  ])('%i → %s', (count, text) => {
    expect(t('register.shown', { count, total: 25 })).toBe(text);
  });

  it.each([[1, 'Importuj 1 osobę'], [3, 'Importuj 3 osoby'], [14, 'Importuj 14 osób'], [104, 'Importuj 104 osoby']])('import of %i: %s', (count, text) => {
    expect(t('import.confirm', { count })).toBe(text);
  });
});
