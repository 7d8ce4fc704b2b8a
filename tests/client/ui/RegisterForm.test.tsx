// The participant form over the real state layer and a device database: errors next to their
// fields (PESEL checksum and birth date, phone, postal code, dates in order), warnings that do not
// block, saving the whole record, moving a person to another unit; discharge, readmission, the
// stays' history, and an administrator's erasure after typing the surname. What the form saved is
// read back from the device.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegisterScreen } from '../../../src/client/ui/screens/register/RegisterScreen';
import { stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { makeUnit } from './fixtures';
import { added, anna, errorOf, fieldsOf, findList, lukasz, setUpRegister, studio, type, zenon } from './register-helpers';

let fixture: AppFixture;
beforeEach(async () => {
  fixture = await setUpRegister();
});
afterEach(() => stopFixture());

/** Opens the form from the list once the register is read. */
const edit = async (name: string) => {
  await findList();
  fireEvent.click(screen.getByRole('button', { name }));
};
/** The stored record of a person, without the sync metadata. */
const stored = async (id: string) => fieldsOf(await fixture.record('participants', id));
/** Nothing was written on the device. */
const nothingSaved = async () => expect(await fixture.outbox()).toEqual([]);

describe('participant form', () => {
  it('shows a PESEL error next to the field and does not save; a valid person is saved', async () => {
    const { container } = render(<RegisterScreen />);
    await edit('Dodaj uczestnika');
    expect(screen.getByRole('heading', { name: 'Nowy uczestnik' })).toBeTruthy();
    type('Imię', 'Łucja');
    type('Nazwisko', 'Wrona');
    type('Data urodzenia', '1944-05-15');
    type('PESEL (nieobowiązkowo)', '44051401458');
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    const pesel = screen.getByLabelText('PESEL (nieobowiązkowo)');
    expect(pesel.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf('PESEL (nieobowiązkowo)')).toBe('PESEL nie zgadza się z datą urodzenia.');
    expect(document.activeElement).toBe(pesel);
    await nothingSaved();
    expect(await axeViolations(container)).toEqual([]);

    type('PESEL (nieobowiązkowo)', '44051401459');
    expect(errorOf('PESEL (nieobowiązkowo)')).toBe('Nieprawidłowa suma kontrolna PESEL.');
    type('PESEL (nieobowiązkowo)', '4405140145');
    expect(errorOf('PESEL (nieobowiązkowo)')).toBe('PESEL ma 11 cyfr.');
    type('PESEL (nieobowiązkowo)', '440514 01458');
    type('Data urodzenia', '1944-05-14');
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(await screen.findByText('Zapisano dane: Łucja Wrona')).toBeTruthy();
    expect(await added(fixture)).toEqual([expect.objectContaining({ firstName: 'Łucja', lastName: 'Wrona', pesel: '44051401458', unitId: 'unit-1' })]);
  });

  it('saves every field the form edits as one record', async () => {
    render(<RegisterScreen />);
    await edit('Dodaj uczestnika');
    type('Imię', ' Jan ');
    type('Nazwisko', 'Kos');
    type('Data urodzenia', '1990-01-02');
    fireEvent.change(await screen.findByLabelText('Pracownia'), { target: { value: 'room-1' } });
    fireEvent.click(screen.getByLabelText('pt'));
    type('Telefon', '600 100 200');
    type('Ulica i numer', 'ul. Lipowa 3');
    type('Kod pocztowy', '81-001');
    type('Miejscowość', 'Gdynia');
    fireEvent.click(screen.getByRole('button', { name: 'Dodaj osobę do kontaktu' }));
    type('Imię i nazwisko', 'Ewa Kos');
    type('Kim jest (np. córka)', 'matka');
    fireEvent.input(screen.getAllByLabelText('Telefon')[1]!, { target: { value: '+48 601 200 300' } });
    fireEvent.click(screen.getByLabelText('Opiekun prawny'));
    fireEvent.click(screen.getByLabelText('Korzysta z dowozu'));
    fireEvent.change(screen.getByLabelText('Sprzęt do poruszania się'), { target: { value: 'wheelchair' } });
    type('Uwagi dla kierowcy', 'parter, dzwonek 2');
    fireEvent.change(screen.getByLabelText('Dieta'), { target: { value: 'glutenFree' } });
    type('Alergie', 'orzechy');
    fireEvent.click(screen.getByLabelText('Ma orzeczenie'));
    fireEvent.change(screen.getByLabelText('Stopień'), { target: { value: 'severe' } });
    type('Ważne do (puste: na stałe)', '2027-03-31');
    fireEvent.click(screen.getByLabelText('Ma IPR'));
    type('Data przeglądu', '2027-06-30');
    fireEvent.click(screen.getByLabelText('Przetwarzanie danych osobowych'));
    type('Data podpisania zgód', '2026-11-20');
    type('Uwagi', 'lubi stolarkę');
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(async () => expect(await added(fixture)).toHaveLength(1));
    expect(fieldsOf((await added(fixture))[0])).toEqual({
      firstName: 'Jan', lastName: 'Kos', birthDate: '1990-01-02', pesel: null, unitId: 'unit-1', studioId: 'room-1', attendanceWeekdays: [1, 2, 3, 4],
      admissionDate: '2026-11-23', dischargeDate: null, dischargeReason: null, status: 'active', phone: '600 100 200',
      contacts: [{ name: 'Ewa Kos', relation: 'matka', phone: '+48 601 200 300', isLegalGuardian: true }],
      address: { street: 'ul. Lipowa 3', postalCode: '81-001', city: 'Gdynia' },
      transport: { needsTransport: true, mobilityAid: 'wheelchair', driverNote: 'parter, dzwonek 2' },
      diet: 'glutenFree', allergies: 'orzechy', disabilityCertificate: { degree: 'severe', validUntil: '2027-03-31' },
      rehabPlan: { startDate: '2026-11-23', reviewDate: '2027-06-30' },
      consents: { dataProcessing: true, photos: false, outings: false, signedOn: '2026-11-20' }, notes: 'lubi stolarkę',
    });
  });

  it.each([
    ['Telefon', '12', 'Nieprawidłowy numer telefonu.'],
    ['Kod pocztowy', '81001', 'Kod pocztowy w formacie 00-000.'],
    ['Data przyjęcia', '1940-01-01', 'Data przyjęcia jest wcześniejsza niż data urodzenia.'],
    ['Imię', '  ', 'To pole jest wymagane.'],
  ])('%s "%s" → "%s" next to the field', async (label, value, message) => {
    render(<RegisterScreen />);
    await edit('Edytuj: Kowalska Anna');
    type(label, value);
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(errorOf(label)).toBe(message);
    expect(screen.getByRole('alert').textContent).toBe('Popraw zaznaczone pola.');
    await nothingSaved();
  });

  it('strikes off only through its own action; a struck-off record needs its date, not before the admission', async () => {
    render(<RegisterScreen />);
    await edit('Edytuj: Kowalska Anna');
    const options = [...(screen.getByLabelText('Status') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toEqual(['kandydat', 'aktywny', 'zawieszony']);
    fireEvent.click(screen.getByRole('button', { name: 'Anuluj' }));
    await edit('Edytuj: Ćwik Zenon');
    type('Data skreślenia', '');
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(errorOf('Data skreślenia')).toBe('Podaj datę skreślenia.');
    type('Data skreślenia', '2019-01-01');
    expect(errorOf('Data skreślenia')).toBe('Data skreślenia jest wcześniejsza niż data przyjęcia.');
    type('Data skreślenia', '2026-01-30');
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(async () => expect(await stored('p-z')).toMatchObject({ status: 'discharged', dischargeDate: '2026-01-30', dischargeReason: 'przeprowadzka' }));
    expect(await added(fixture)).toEqual([]);
  });

  it('choosing "aktywny" for a struck-off person clears the discharge (the server keeps the old values)', async () => {
    render(<RegisterScreen />);
    await edit('Edytuj: Ćwik Zenon');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'active' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(async () => expect(await stored('p-z')).toMatchObject({ status: 'active', dischargeDate: null, dischargeReason: null }));
  });

  it('warns, without blocking, about a Senior+ participant under 60 and an expired certificate', async () => {
    fixture = await setUpRegister({ records: { units: [makeUnit({ kind: 'seniorPlus', name: 'Senior+ „Jesień”' })], participants: [lukasz, anna, zenon], rooms: [studio] } });
    render(<RegisterScreen />);
    await edit('Edytuj: Żółtowski Łukasz');
    expect(await screen.findByText('Uwaga: programy „Senior+” i „Aktywni Seniorzy” są dla osób w wieku 60+.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Ma orzeczenie'));
    type('Ważne do (puste: na stałe)', '2026-01-31');
    const hintId = screen.getByLabelText('Ważne do (puste: na stałe)').getAttribute('aria-describedby');
    expect(document.getElementById(hintId!)?.textContent).toBe('Uwaga: orzeczenie straciło ważność.');
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(async () => expect(await stored('p-l')).toMatchObject({ disabilityCertificate: { validUntil: '2026-01-31' } }));
  });

  it('moves a person to another unit, emptying the studio', async () => {
    await fixture.seed({ units: [makeUnit({ id: 'unit-2', name: 'ŚDS „Kotwica”', kind: 'selfHelpHome' })] });
    render(<RegisterScreen />);
    await edit('Edytuj: Żółtowski Łukasz');
    await screen.findByRole('option', { name: 'ŚDS „Kotwica”' });
    fireEvent.change(screen.getByLabelText('Placówka'), { target: { value: 'unit-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(async () => expect(await stored('p-l')).toMatchObject({ unitId: 'unit-2', studioId: null }));
  });
});

describe('discharge, readmission and erasure', () => {
  it('discharges with a date and a reason, and readmits from a day', async () => {
    render(<RegisterScreen />);
    await edit('Edytuj: Kowalska Anna');
    const discharge = within(screen.getByRole('region', { name: 'Skreślenie z listy uczestników' }));
    expect((discharge.getByRole('button', { name: 'Skreśl' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(discharge.getByLabelText('Powód skreślenia'), { target: { value: 'przeprowadzka' } });
    fireEvent.input(discharge.getByLabelText('Data skreślenia'), { target: { value: '2020-08-31' } });
    expect(errorOf('Data skreślenia')).toBe('Data skreślenia jest wcześniejsza niż data przyjęcia.');
    expect((discharge.getByRole('button', { name: 'Skreśl' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(discharge.getByLabelText('Data skreślenia'), { target: { value: '2026-11-23' } });
    fireEvent.click(discharge.getByRole('button', { name: 'Skreśl' }));
    expect(await screen.findByText('Skreślono z listy: Anna Kowalska')).toBeTruthy();
    expect(await stored('p-a')).toMatchObject({ status: 'discharged', dischargeDate: '2026-11-23', dischargeReason: 'przeprowadzka' });

    await edit('Edytuj: Ćwik Zenon');
    type('Przyjmij ponownie od dnia', '2026-01-30');
    expect(errorOf('Przyjmij ponownie od dnia')).toBe('Ponowne przyjęcie nie może być wcześniejsze niż skreślenie.');
    expect((screen.getByRole('button', { name: 'Przyjmij ponownie' }) as HTMLButtonElement).disabled).toBe(true);
    type('Przyjmij ponownie od dnia', '2026-12-01');
    fireEvent.click(screen.getByRole('button', { name: 'Przyjmij ponownie' }));
    await waitFor(async () => expect(await stored('p-z')).toMatchObject({ status: 'active', admissionDate: '2026-12-01', dischargeDate: null, dischargeReason: null }));
  });

  it('shows earlier stays from the server history', async () => {
    fixture.transport.historyAnswer = {
      entries: [
        { atMs: Date.UTC(2019, 2, 1, 9), user: 'Ewa Lis', device: 'Biuro', superseded: false, changes: [{ field: 'deleted', before: null, after: false }, { field: 'firstName', before: null, after: 'Zenon' }] },
        { atMs: Date.UTC(2026, 0, 31, 9), user: 'Ewa Lis', device: 'Biuro', superseded: false, changes: [{ field: 'status', before: 'active', after: 'discharged' }, { field: 'dischargeDate', before: null, after: '2026-01-31' }] },
      ],
    };
    render(<RegisterScreen />);
    await edit('Edytuj: Ćwik Zenon');
    fireEvent.click(screen.getByRole('button', { name: 'Pokaż historię pobytów' }));
    expect(await screen.findByText('Status: aktywny → skreślony; Data skreślenia: — → 31.01.2026')).toBeTruthy();
    expect(screen.getByText('utworzono')).toBeTruthy();
    expect(fixture.transport.callsOf('history')).toEqual([['token-aaaaaaaaaaaaaaaaaaaaaaaa', 'participants', 'p-z']]);
  });

  it('HISTORY-DEFAULT: marks a value the record was created with by default apart from one a user set', async () => {
    fixture.transport.historyAnswer = {
      entries: [
        { atMs: Date.UTC(2026, 0, 5, 9), user: 'Ewa Lis', device: 'Tablet', superseded: false, changes: [{ field: 'status', before: null, after: 'active', isDefault: true }, { field: 'admissionDate', before: null, after: '2026-01-05' }] },
      ],
    };
    render(<RegisterScreen />);
    await edit('Edytuj: Ćwik Zenon');
    fireEvent.click(screen.getByRole('button', { name: 'Pokaż historię pobytów' }));
    expect(await screen.findByText('Status: — → aktywny (wartość domyślna); Data przyjęcia: — → 05.01.2026')).toBeTruthy();
  });

  it('offers no erasure to a coordinator', async () => {
    render(<RegisterScreen />);
    await edit('Edytuj: Kowalska Anna');
    expect(screen.queryByRole('button', { name: 'Usuń dane trwale' })).toBeNull();
  });

  it('lets an administrator erase only after typing the surname', async () => {
    fixture = await setUpRegister({ roles: ['administrator'] });
    render(<RegisterScreen />);
    await edit('Edytuj: Kowalska Anna');
    fireEvent.click(screen.getByRole('button', { name: 'Usuń dane trwale' }));
    const dialog = within(screen.getByRole('dialog'));
    fireEvent.click(dialog.getByRole('button', { name: 'Usuń trwale' }));
    await nothingSaved();
    fireEvent.input(dialog.getByLabelText('Nazwisko'), { target: { value: 'Kowalski' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Usuń trwale' }));
    expect(dialog.getByText('Wpisz nazwisko dokładnie: „Kowalska”.')).toBeTruthy();
    await nothingSaved();
    fireEvent.input(dialog.getByLabelText('Nazwisko'), { target: { value: 'kowalska ' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Usuń trwale' }));
    expect(await screen.findByText('Dane osoby zostały usunięte.')).toBeTruthy();
    expect((await fixture.record('participants', 'p-a'))?.deleted ?? true).toBe(true);
  });
});
