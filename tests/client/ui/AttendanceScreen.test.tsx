// The attendance screen over the fake state: one tap marks present, "more" records an absence
// with a reason or a late arrival, "mark the rest" asks first and skips people with a notice,
// a future day takes no marks, and the screen passes axe.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttendanceScreen } from '../../../src/client/ui/screens/attendance/AttendanceScreen';
import { axeViolations } from './axe';
import { actions, fake, resetFake, signIn } from './fake-state';
import { makeOverview, makeUnit } from './fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/reports', async () => (await import('./fake-state')).fakeReportingModule());
vi.mock('../../../src/client/state/register', async () => (await import('./fake-state')).fakeRegistryModule());
vi.mock('../../../src/client/state/meals', async () => (await import('./fake-state')).fakeKitchenModule());
vi.mock('../../../src/client/state/transport', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/transport/routes', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/attendance', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/admin', async () => (await import('./fake-state')).fakeStateModule());

beforeEach(() => {
  resetFake();
  signIn(makeUnit(), makeOverview());
});
afterEach(() => cleanup());

const row = (name: string) => screen.getByText(name, { selector: '.roster__name' }).closest('li') as HTMLElement;

describe('AttendanceScreen', () => {
  it('lists the expected people with their marks and live counts, without axe violations', async () => {
    const { container } = render(<AttendanceScreen />);
    expect([...container.querySelectorAll('.roster__name')].map((e) => e.textContent)).toEqual(['Kowalska Anna', 'Nowak Jan', 'Wiśniewska Zofia']);
    expect(within(row('Nowak Jan')).getByText(/przyjście 08:05/)).toBeTruthy();
    expect(within(row('Kowalska Anna')).getByText(/zgłoszenie: choroba/)).toBeTruthy();
    expect([...container.querySelectorAll('.tile__value')].map((e) => e.textContent)).toEqual(['3', '1', '0', '1', '1']);
    expect(screen.getByRole('button', { name: 'Obecny: Jan Nowak', pressed: true })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('one tap marks a person present', async () => {
    render(<AttendanceScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Obecny: Zofia Wiśniewska' }));
    await waitFor(() => expect(actions.markDay).toHaveBeenCalledWith('unit-1', '2026-11-23', 'p-zofia', { status: 'present' }));
    await screen.findByText('Zapisano: Zofia Wiśniewska — Obecny');
  });

  it('a second tap on a present person removes the mark', async () => {
    render(<AttendanceScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Obecny: Jan Nowak' }));
    await waitFor(() => expect(actions.clearDayMark).toHaveBeenCalledWith('2026-11-23', 'p-jan'));
  });

  it('"more" records an absence with its reason', async () => {
    render(<AttendanceScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Więcej opcji: Zofia Wiśniewska' }));
    fireEvent.click(screen.getByLabelText('Nieobecny'));
    fireEvent.change(screen.getByLabelText('Powód nieobecności'), { target: { value: 'hospital' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(() => expect(actions.markDay).toHaveBeenCalledWith('unit-1', '2026-11-23', 'p-zofia', { status: 'absent', absenceReason: 'hospital', note: '' }));
  });

  it('"more" records a late arrival with the "now" button', async () => {
    render(<AttendanceScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Więcej opcji: Zofia Wiśniewska' }));
    fireEvent.click(screen.getByRole('button', { name: 'Teraz: Godzina przyjścia' }));
    expect((screen.getByLabelText('Godzina przyjścia') as HTMLInputElement).value).toBe('08:42');
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(() => expect(actions.markDay).toHaveBeenCalledWith('unit-1', '2026-11-23', 'p-zofia', { status: 'present', arrivalTime: '08:42', leaveTime: null, note: '' }));
  });

  it('"mark the rest present" asks first and sends only the unmarked people without a notice', async () => {
    render(<AttendanceScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Zaznacz pozostałych jako obecnych (1)' }));
    const dialog = screen.getByRole('dialog', { name: 'Zaznaczyć pozostałych jako obecnych?' });
    expect(actions.markRemainingPresent).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zaznacz jako obecnych' }));
    await waitFor(() => expect(actions.markRemainingPresent).toHaveBeenCalledWith('unit-1', '2026-11-23', ['p-zofia']));
  });

  it('offers undo of the last change', async () => {
    fake.lastChange.value = { kind: 'markAll', count: 3 };
    render(<AttendanceScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Cofnij zaznaczenie 3 osób' }));
    await waitFor(() => expect(actions.undoLastChange).toHaveBeenCalled());
  });

  it('a future day takes absence notices but no marks', async () => {
    render(<AttendanceScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Następny dzień' }));
    expect(await screen.findByText(/To dzień w przyszłości/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Obecny:/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Zapisz zgłoszenie' })).toBeTruthy();
  });

  it('refuses an absence notice without a person and reason, naming the fields', async () => {
    render(<AttendanceScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz zgłoszenie' }));
    expect(await screen.findAllByText('To pole jest wymagane.')).toHaveLength(2);
    expect(actions.saveAbsenceNotice).not.toHaveBeenCalled();
  });
});
