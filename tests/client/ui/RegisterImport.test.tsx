// The CSV import over the real state layer and a device database: a file with three bad lines is refused with the three lines
// and columns named and nothing imported; the mapping can be changed; Excel's Windows-1250 files
// are read; a valid file is imported in one call, with a likely duplicate flagged; Excel workbooks
// (.xlsx) are read the same way, their errors naming the sheet's rows.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegisterScreen } from '../../../src/client/ui/screens/register/RegisterScreen';
import { writeXlsx } from '../../../src/domain/rules/reports/xlsx';
import { stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { Path, added, findList, path, setUpRegister } from './register-helpers';

let fixture: AppFixture;
beforeEach(async () => {
  fixture = await setUpRegister();
});
afterEach(() => stopFixture());

/** Nothing was written on the device. */
const nothingImported = async () => expect(await fixture.outbox()).toEqual([]);

describe('CSV import', () => {
  const file = (content: string | Uint8Array) => new File([content as BlobPart], 'uczestnicy.csv', { type: 'text/csv' });
  const openImport = async () => {
    await findList();
    fireEvent.click(screen.getByRole('button', { name: 'Importuj z CSV' }));
  };
  const choose = (content: string | Uint8Array) => fireEvent.change(screen.getByLabelText('Plik CSV lub Excel (.xlsx)'), { target: { files: [file(content)] } });
  const errorItems = (alert: HTMLElement) => [...alert.closest('.callout')!.querySelectorAll('li')].map((li) => li.textContent);

  it('refuses a file with three bad lines, naming each line and column, and imports nothing', async () => {
    const { container } = render(<RegisterScreen />);
    await openImport();
    choose([
      'Imię;Nazwisko;Data urodzenia;PESEL;Dieta',
      'Łucja;Wrona;14.05.1944;44051401458;',
      'Adam;Lis;31.02.1980;;',
      'Ewa;Sowa;01.01.1970;44051401459;',
      'Olga;Mak;01.01.1970;;frytkowa',
    ].join('\n'));
    const alert = await screen.findByText(/Plik ma 3 błędy/);
    expect(errorItems(alert)).toEqual([
      'Wiersz 3, kolumna Data urodzenia: Wpisz poprawną datę.',
      'Wiersz 4, kolumna PESEL: Nieprawidłowa suma kontrolna PESEL.',
      'Wiersz 5, kolumna Dieta: Wybierz jedną z opcji.',
    ]);
    const table = screen.getByRole('table');
    expect([...table.querySelectorAll('tbody tr')].map((tr) => tr.classList.contains('import-table__row--error'))).toEqual([false, true, true, true]);
    expect((screen.getByRole('button', { name: 'Importuj 4 osoby' }) as HTMLButtonElement).disabled).toBe(true);
    await nothingImported();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('lets the user change the mapping of a column, which re-checks the file', async () => {
    render(<RegisterScreen />);
    await openImport();
    choose('Imię;Nazwisko;Urodz.;Kolumna X\nJan;Kos;02.01.1990;600100200\n');
    expect(await screen.findByText(/Plik ma 1 błąd/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Kolumna „Urodz.”'), { target: { value: 'birthDate' } });
    fireEvent.change(screen.getByLabelText('Kolumna „Kolumna X”'), { target: { value: 'phone' } });
    expect(screen.queryByText(/Plik ma/)).toBeNull();
    expect(screen.getByText('Plik jest poprawny: 1 osoba do zaimportowania.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Importuj 1 osobę' }));
    await waitFor(async () => expect((await added(fixture)).map((p) => [p.lastName, p.phone])).toEqual([['Kos', '600100200']]));
  });

  it('reads Excel’s older Windows-1250 CSV with its Polish letters', async () => {
    render(<RegisterScreen />);
    await openImport();
    // "Imię;Nazwisko;Data urodzenia\nŁucja;Żółć;14.05.1944" in Windows-1250.
    const text = 'Imię;Nazwisko;Data urodzenia\nŁucja;Żółć;14.05.1944\n';
    const cp1250: Record<string, number> = { ę: 0xea, Ł: 0xa3, Ż: 0xaf, ó: 0xf3, ł: 0xb3, ć: 0xe6 };
    choose(Uint8Array.from([...text].map((ch) => cp1250[ch] ?? ch.charCodeAt(0))));
    expect(await screen.findByText('Żółć Łucja')).toBeTruthy();
    expect(screen.getByText(/odczytano go jako „CSV” Excela w kodowaniu Windows-1250/)).toBeTruthy();
  });

  it('imports a valid file in one go, flagging a likely duplicate', async () => {
    render(<><RegisterScreen /><Path /></>);
    await openImport();
    expect(path()).toBe('/uczestnicy/import');
    choose('Imię;Nazwisko;Data urodzenia\nAnna;Kowalska;14.05.1944\nJan;Kos;02.01.1990\n');
    expect(await screen.findByText('możliwy duplikat: ta osoba jest już w rejestrze')).toBeTruthy();
    expect(screen.getByText(/1 wiersz to możliwy duplikat/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Importuj 2 osoby' }));
    expect(await screen.findByText('Zaimportowano 2 osoby.')).toBeTruthy();
    expect((await added(fixture)).map((p) => `${p.firstName} ${p.lastName}`)).toEqual(['Anna Kowalska', 'Jan Kos']);
    await waitFor(() => expect(path()).toBe('/uczestnicy'));
  });

  it('reads an Excel workbook: its errors name the sheet rows, and a valid one is imported', async () => {
    render(<RegisterScreen />);
    await openImport();
    const workbook = (rows: (string | number)[][]) => new File([writeXlsx([{ name: 'Uczestnicy', rows }]) as BlobPart], 'uczestnicy.xlsx', { type: '' });
    const input = screen.getByLabelText('Plik CSV lub Excel (.xlsx)');
    fireEvent.change(input, { target: { files: [workbook([['Imię', 'Nazwisko', 'Data urodzenia', 'PESEL'], ['Łucja', 'Wrona', '14.05.1944', 44051401458], ['Adam', 'Lis', '31.02.1980', '']])] } });
    const alert = await screen.findByText(/Plik ma 1 błąd/);
    expect(errorItems(alert)).toEqual(['Wiersz 3, kolumna Data urodzenia: Wpisz poprawną datę.']);
    await nothingImported();
    fireEvent.change(input, { target: { files: [workbook([['Imię', 'Nazwisko', 'Data urodzenia'], ['Łucja', 'Wrona', '14.05.1944'], ['Adam', 'Lis', '28.02.1980']])] } });
    expect(await screen.findByText('Plik jest poprawny: 2 osoby do zaimportowania.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Importuj 2 osoby' }));
    await waitFor(async () => expect((await added(fixture)).map((p) => p.lastName)).toEqual(['Wrona', 'Lis']));
  });

  it('says so when a workbook cannot be read, and imports nothing', async () => {
    render(<RegisterScreen />);
    await openImport();
    fireEvent.change(screen.getByLabelText('Plik CSV lub Excel (.xlsx)'), { target: { files: [new File(['to nie jest skoroszyt'], 'lista.xlsx')] } });
    expect(await screen.findByText(/Nie udało się odczytać skoroszytu Excela/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    await nothingImported();
  });
});
