// The attendance screen over the real state layer and a device database: one tap marks present,
// "more" records an absence with a reason or a late arrival, "mark the rest" asks first and skips
// people with a notice, a future day takes no marks, and the screen passes axe. What a tap saved
// is read back from the device (the mark and its outbox entry).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttendanceScreen } from '../../../src/client/ui/screens/attendance/AttendanceScreen';
import { startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { makeParticipant, mondayRecords } from './fixtures';

let fixture: AppFixture;
beforeEach(async () => {
  fixture = await startFixture({ records: mondayRecords() });
});
afterEach(() => stopFixture());

/** The stored mark of a person on Monday 23.11 (undefined when none or removed). */
async function markOf(participantId: string) {
  const mark = await fixture.record('dayMarks', `dm:${participantId}:2026-11-23`);
  return mark && !mark.deleted ? mark : undefined;
}
/** Waits until the screen has read the day. */
const findRoster = () => screen.findByRole('button', { name: 'Obecny: Jan Nowak', pressed: true });

const row = (name: string) => screen.getByText(name, { selector: '.roster__name' }).closest('li') as HTMLElement;

describe('AttendanceScreen', () => {
  it('lists the expected people with their marks and live counts, without axe violations', async () => {
    const { container } = render(<AttendanceScreen />);
    await findRoster();
    expect([...container.querySelectorAll('.roster__name')].map((e) => e.textContent)).toEqual(['Kowalska Anna', 'Nowak Jan', 'Wiśniewska Zofia']);
    expect(within(row('Nowak Jan')).getByText(/przyjście 08:05/)).toBeTruthy();
    expect(within(row('Kowalska Anna')).getByText(/zgłoszenie: choroba/)).toBeTruthy();
    expect([...container.querySelectorAll('.tile__value')].map((e) => e.textContent)).toEqual(['3', '1', '0', '1', '1']);
    expect(screen.getByRole('button', { name: 'Obecny: Jan Nowak', pressed: true })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('one tap marks a person present', async () => {
    render(<AttendanceScreen />);
    await findRoster();
    fireEvent.click(screen.getByRole('button', { name: 'Obecny: Zofia Wiśniewska' }));
    await screen.findByText('Zapisano: Zofia Wiśniewska — Obecny');
    expect(await markOf('p-zofia')).toMatchObject({ unitId: 'unit-1', day: '2026-11-23', status: 'present' });
    expect((await fixture.outbox()).map((e) => e.recordId)).toEqual(['dm:p-zofia:2026-11-23']);
  });

  it('a second tap on a present person removes the mark', async () => {
    render(<AttendanceScreen />);
    await findRoster();
    fireEvent.click(screen.getByRole('button', { name: 'Obecny: Jan Nowak' }));
    await waitFor(async () => expect(await markOf('p-jan')).toBeUndefined());
    expect(await screen.findByRole('button', { name: 'Obecny: Jan Nowak', pressed: false })).toBeTruthy();
  });

  it('"more" records an absence with its reason', async () => {
    render(<AttendanceScreen />);
    await findRoster();
    fireEvent.click(screen.getByRole('button', { name: 'Więcej opcji: Zofia Wiśniewska' }));
    fireEvent.click(screen.getByLabelText('Nieobecny'));
    fireEvent.change(screen.getByLabelText('Powód nieobecności'), { target: { value: 'hospital' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(async () => expect(await markOf('p-zofia')).toMatchObject({ status: 'absent', absenceReason: 'hospital', note: '' }));
  });

  it('"more" records a late arrival with the "now" button', async () => {
    render(<AttendanceScreen />);
    await findRoster();
    fireEvent.click(screen.getByRole('button', { name: 'Więcej opcji: Zofia Wiśniewska' }));
    fireEvent.click(screen.getByRole('button', { name: 'Teraz: Godzina przyjścia' }));
    expect((screen.getByLabelText('Godzina przyjścia') as HTMLInputElement).value).toBe('08:42');
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(async () => expect(await markOf('p-zofia')).toMatchObject({ status: 'present', arrivalTime: '08:42', leaveTime: null, note: '' }));
  });

  it('"mark the rest present" asks first and sends only the unmarked people without a notice', async () => {
    render(<AttendanceScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Zaznacz pozostałych jako obecnych (1)' }));
    const dialog = screen.getByRole('dialog', { name: 'Zaznaczyć pozostałych jako obecnych?' });
    expect(await fixture.outbox()).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zaznacz jako obecnych' }));
    await waitFor(async () => expect((await fixture.outbox()).map((e) => e.recordId)).toEqual(['dm:p-zofia:2026-11-23']));
    expect(await markOf('p-zofia')).toMatchObject({ status: 'present' });
    expect(await markOf('p-anna')).toBeUndefined();
  });

  it('offers undo of the last change', async () => {
    // Two more people due today: three are left to mark at once.
    await fixture.seed({ participants: [
      makeParticipant({ id: 'p-ola', firstName: 'Ola', lastName: 'Bąk' }), makeParticipant({ id: 'p-piotr', firstName: 'Piotr', lastName: 'Lis' }),
    ] });
    render(<AttendanceScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Zaznacz pozostałych jako obecnych (3)' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Zaznacz jako obecnych' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cofnij zaznaczenie 3 osób' }));
    await waitFor(async () => expect(await markOf('p-zofia')).toBeUndefined());
    expect(await markOf('p-ola')).toBeUndefined();
    expect(await markOf('p-jan')).toMatchObject({ status: 'present' });
  });

  it('a future day takes absence notices but no marks', async () => {
    render(<AttendanceScreen />);
    await findRoster();
    fireEvent.click(screen.getByRole('button', { name: 'Następny dzień' }));
    expect(await screen.findByText(/To dzień w przyszłości/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Zapisz zgłoszenie' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Obecny:/ })).toBeNull();
  });

  it('refuses an absence notice without a person and reason, naming the fields', async () => {
    render(<AttendanceScreen />);
    await findRoster();
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz zgłoszenie' }));
    expect(await screen.findAllByText('To pole jest wymagane.')).toHaveLength(2);
    expect(await fixture.records('absenceNotices')).toHaveLength(1);
    expect(await fixture.outbox()).toEqual([]);
  });
});
