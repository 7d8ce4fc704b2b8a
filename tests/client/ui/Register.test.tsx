// The participant register's list over the real state layer and a device database: Polish order
// and counts, "lukasz" finds Łukasz, every filter, clearing them, the export of what is shown; and
// the register's own paths (the form and the import open at /uczestnicy/…, "Anuluj" goes back with
// the search kept).
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { navigate } from '../../../src/client/ui/router';
import { RegisterScreen } from '../../../src/client/ui/screens/register/RegisterScreen';
import { stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { makeUnit } from './fixtures';
import { Path, SEARCH, anna, findList, names, path, setUpRegister, type } from './register-helpers';

let fixture: AppFixture;
beforeEach(async () => {
  fixture = await setUpRegister();
});
afterEach(() => stopFixture());

describe('register list', () => {
  it('lists everyone in Polish order with a count; "lukasz" finds Łukasz; filters narrow it', async () => {
    const { container } = render(<RegisterScreen />);
    await findList();
    expect(names(container)).toEqual(['Ćwik Zenon', 'Kowalska Anna', 'Żółtowski Łukasz']);
    expect(screen.getByText('Pokazano 3 osoby z 3')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    type(SEARCH, 'lukasz');
    expect(names(container)).toEqual(['Żółtowski Łukasz']);
    expect(screen.getByText('Pokazano 1 osobę z 3')).toBeTruthy();
    type(SEARCH, 'ZOLTOWSKI');
    expect(names(container)).toEqual(['Żółtowski Łukasz']);
    type(SEARCH, '');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'active' } });
    expect(names(container)).toEqual(['Kowalska Anna', 'Żółtowski Łukasz']);
    fireEvent.change(screen.getByLabelText('Dieta'), { target: { value: 'diabetic' } });
    expect(names(container)).toEqual(['Kowalska Anna']);
  });

  it.each([
    ['Pracownia', 'room-1', ['Żółtowski Łukasz']],
    ['Przychodzi w', '3', ['Ćwik Zenon', 'Kowalska Anna', 'Żółtowski Łukasz']],
    ['Przychodzi w', '2', ['Ćwik Zenon', 'Kowalska Anna']],
    ['Dowóz', 'true', ['Żółtowski Łukasz']],
    ['Dowóz', 'false', ['Ćwik Zenon', 'Kowalska Anna']],
    ['Status', 'discharged', ['Ćwik Zenon']],
  ])('filter "%s" = %s', async (label, value, expected) => {
    const { container } = render(<RegisterScreen />);
    await findList();
    fireEvent.change(await screen.findByLabelText(label), { target: { value } });
    expect(names(container)).toEqual(expected);
  });

  it('clears the search and filters in one tap; the export then says how many people it writes', async () => {
    const files: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      files.push(blob);
      return 'blob:register';
    });
    URL.revokeObjectURL = vi.fn();
    const { container } = render(<RegisterScreen />);
    await findList();
    expect(screen.queryByRole('button', { name: 'Wyczyść wyszukiwanie i filtry' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Dowóz'), { target: { value: 'false' } });
    fireEvent.click(screen.getByRole('button', { name: 'Eksportuj 2 osoby do CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const csv = await files[0]!.text();
    expect(csv).toMatch(/Ćwik[\s\S]*Kowalska/);
    expect(csv).not.toContain('Żółtowski');
    // The unit and the day go with it into the export's audit entry.
    await waitFor(() => expect(fixture.transport.exports).toEqual([expect.objectContaining({
      unitId: 'unit-1', report: 'participantRegister', format: 'csv', from: '2026-11-23', to: '2026-11-23', rows: 2,
    })]));
    fireEvent.click(screen.getByRole('button', { name: 'Wyczyść wyszukiwanie i filtry' }));
    expect(names(container)).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Eksportuj do CSV' })).toBeTruthy();
  });

  it('leaves out the studio where the unit has none (a Senior+ home)', async () => {
    await setUpRegister({ records: { units: [makeUnit()], participants: [anna] } });
    render(<RegisterScreen />);
    await findList();
    expect(screen.queryByText('Pracownia')).toBeNull();
    expect(screen.queryByLabelText('Pracownia')).toBeNull();
  });
});

describe('paths of the register', () => {
  it('the form has its own path; "Anuluj" goes back to the list with the search kept', async () => {
    render(<><RegisterScreen /><Path /></>);
    await findList();
    type(SEARCH, 'kowal');
    fireEvent.click(screen.getByRole('button', { name: 'Edytuj: Kowalska Anna' }));
    expect(path()).toBe('/uczestnicy/p-a');
    fireEvent.click(screen.getByRole('button', { name: 'Anuluj' }));
    await waitFor(() => expect(path()).toBe('/uczestnicy'));
    expect((screen.getByLabelText(SEARCH) as HTMLInputElement).value).toBe('kowal');
    fireEvent.click(screen.getByRole('button', { name: 'Dodaj uczestnika' }));
    expect(path()).toBe('/uczestnicy/nowy');
    fireEvent.click(screen.getByRole('button', { name: 'Anuluj' }));
    await waitFor(() => expect(path()).toBe('/uczestnicy'));
  });

  it('opens a person from a link, and says so when the person is not in the register', async () => {
    navigate('/uczestnicy/p-z');
    render(<><RegisterScreen /><Path /></>);
    expect(await screen.findByRole('heading', { name: 'Dane uczestnika: Zenon Ćwik' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Ponowne przyjęcie' })).toBeTruthy();
    act(() => navigate('/uczestnicy/p-gone'));
    expect(await screen.findByText(/Tej osoby nie ma w rejestrze/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Wróć do listy' }));
    expect(path()).toBe('/uczestnicy');
  });
});
