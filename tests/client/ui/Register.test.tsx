// The participant register over the fake state: search without Polish letters, filters, the
// form's errors next to their fields (PESEL), saving, and a CSV with three bad lines that is
// refused line by line with nothing imported. axe on the list, the form and the import.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ParticipantsScreen } from '../../../src/client/ui/screens/ParticipantsScreen';
import { axeViolations } from './axe';
import { actions, fake, loaded, resetFake, signIn } from './fake-state';
import { makeParticipant, makeRoom, makeUnit } from './fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());

const lukasz = makeParticipant({ id: 'p-l', firstName: 'Łukasz', lastName: 'Żółtowski', studioId: 'room-1', transport: { needsTransport: true, mobilityAid: 'none', driverNote: '' } });
const anna = makeParticipant({ id: 'p-a', firstName: 'Anna', lastName: 'Kowalska', birthDate: '1944-05-14', diet: 'diabetic' });
const zenon = makeParticipant({ id: 'p-z', firstName: 'Zenon', lastName: 'Ćwik', status: 'discharged', dischargeDate: '2026-01-31' });

beforeEach(() => {
  resetFake();
  signIn(makeUnit());
  fake.participants.value = loaded([lukasz, anna, zenon]);
  fake.rooms.value = loaded([makeRoom({ id: 'room-1', name: 'Stolarnia' })]);
});
afterEach(() => cleanup());

const names = (c: Element) => [...c.querySelectorAll('.person__name')].map((e) => e.firstChild?.textContent);

describe('register list', () => {
  it('lists everyone in Polish order with a count; "lukasz" finds Łukasz; filters narrow it', async () => {
    const { container } = render(<ParticipantsScreen />);
    expect(names(container)).toEqual(['Ćwik Zenon', 'Kowalska Anna', 'Żółtowski Łukasz']);
    expect(screen.getByText('Pokazano 3 osoby z 3')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.input(screen.getByLabelText('Szukaj (imię, nazwisko, PESEL, telefon)'), { target: { value: 'lukasz' } });
    expect(names(container)).toEqual(['Żółtowski Łukasz']);
    expect(screen.getByText('Pokazano 1 osobę z 3')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Szukaj (imię, nazwisko, PESEL, telefon)'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'active' } });
    expect(names(container)).toEqual(['Kowalska Anna', 'Żółtowski Łukasz']);
    fireEvent.change(screen.getByLabelText('Dieta'), { target: { value: 'diabetic' } });
    expect(names(container)).toEqual(['Kowalska Anna']);
  });
});

describe('participant form', () => {
  it('shows a PESEL error next to the field and does not save; a valid person is saved', async () => {
    const { container } = render(<ParticipantsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Dodaj uczestnika' }));
    expect(screen.getByRole('heading', { name: 'Nowy uczestnik' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Imię'), { target: { value: 'Łucja' } });
    fireEvent.input(screen.getByLabelText('Nazwisko'), { target: { value: 'Wrona' } });
    fireEvent.input(screen.getByLabelText('Data urodzenia'), { target: { value: '1944-05-15' } });
    fireEvent.input(screen.getByLabelText('PESEL (nieobowiązkowo)'), { target: { value: '44051401458' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    const pesel = screen.getByLabelText('PESEL (nieobowiązkowo)');
    expect(pesel.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(pesel.getAttribute('aria-describedby')!)?.textContent).toBe('PESEL nie zgadza się z datą urodzenia.');
    expect(actions.saveParticipant).not.toHaveBeenCalled();
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.input(screen.getByLabelText('Data urodzenia'), { target: { value: '1944-05-14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(() => expect(actions.saveParticipant).toHaveBeenCalledWith(null, expect.objectContaining({ firstName: 'Łucja', lastName: 'Wrona', pesel: '44051401458', unitId: 'unit-1' })));
    expect(await screen.findByText('Zapisano dane: Łucja Wrona')).toBeTruthy();
  });

  it('edits a stored person and offers discharge; erasure only for an administrator, after typing the surname', async () => {
    fake.session.value = loaded({ ...fake.session.value.data!, roles: ['administrator'] });
    render(<ParticipantsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Edytuj: Kowalska Anna' }));
    expect((screen.getByLabelText('Imię') as HTMLInputElement).value).toBe('Anna');
    fireEvent.click(screen.getByRole('button', { name: 'Usuń dane trwale' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Usuń trwale' }));
    expect(actions.eraseParticipant).not.toHaveBeenCalled();
    fireEvent.input(within(dialog).getByLabelText('Nazwisko'), { target: { value: 'Kowalska' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Usuń trwale' }));
    await waitFor(() => expect(actions.eraseParticipant).toHaveBeenCalledWith('p-a'));
  });
});

describe('CSV import', () => {
  const file = (text: string) => new File([text], 'uczestnicy.csv', { type: 'text/csv' });

  it('refuses a file with three bad lines, naming each line and column, and imports nothing', async () => {
    const { container } = render(<ParticipantsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Importuj z CSV' }));
    const csv = [
      'Imię;Nazwisko;Data urodzenia;PESEL;Dieta',
      'Łucja;Wrona;14.05.1944;44051401458;',
      'Adam;Lis;31.02.1980;;',
      'Ewa;Sowa;01.01.1970;44051401459;',
      'Olga;Mak;01.01.1970;;frytkowa',
    ].join('\n');
    fireEvent.change(screen.getByLabelText('Plik CSV'), { target: { files: [file(csv)] } });
    const alert = await screen.findByText(/Plik ma 3 błędy/);
    const items = [...alert.closest('.callout')!.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Wiersz 3, kolumna Data urodzenia: Wpisz poprawną datę.',
      'Wiersz 4, kolumna PESEL: Nieprawidłowa suma kontrolna PESEL.',
      'Wiersz 5, kolumna Dieta: Wybierz jedną z opcji.',
    ]);
    expect((screen.getByRole('button', { name: 'Importuj 4 osoby' }) as HTMLButtonElement).disabled).toBe(true);
    expect(actions.importParticipants).not.toHaveBeenCalled();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('imports a valid file in one go, flagging a likely duplicate', async () => {
    render(<ParticipantsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Importuj z CSV' }));
    fireEvent.change(screen.getByLabelText('Plik CSV'), { target: { files: [file('Imię;Nazwisko;Data urodzenia\nAnna;Kowalska;14.05.1944\nJan;Kos;02.01.1990\n')] } });
    expect(await screen.findByText('możliwy duplikat: ta osoba jest już w rejestrze')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Importuj 2 osoby' }));
    await waitFor(() => expect(actions.importParticipants).toHaveBeenCalledTimes(1));
    expect((actions.importParticipants.mock.calls[0] as unknown as [unknown[]])[0]).toHaveLength(2);
    expect(await screen.findByText('Zaimportowano 2 osoby.')).toBeTruthy();
  });
});
