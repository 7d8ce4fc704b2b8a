// The planner's forms over the real state layer and a device database: "Nowe zajęcia" with errors next to the fields and live
// conflict warnings before saving, "Wyjście / wycieczka", editing and deleting a series, copy week,
// new term, the WTZ hours panel and the Senior+ opening-hours check. What a form saved is read
// back from the device.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/domain';
import { WeekPlanScreen } from '../../../src/client/ui/screens/plan/WeekPlanScreen';
import { startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { anna, jan, makeOneOff, makeRecurring, makeRoom, makeUnit } from './fixtures';
import { meta } from '../../domain/rules/fixtures';


const studio = makeRoom({ id: 'r-wood', name: 'Pracownia stolarska', capacity: 10 });
const ewa = { ...meta('s-ewa'), firstName: 'Ewa', lastName: 'Lis', role: 'therapist' as const, jobTitle: '', unitIds: ['unit-1'], phone: null, email: null, active: true };
const wood = makeRecurring({ id: 'a-wood', title: 'Stolarstwo', roomId: 'r-wood', staffIds: ['s-ewa'], weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:00', audience: { type: 'people', participantIds: ['p-anna'] } });

let fixture: AppFixture;
/** Monday 23.11.2026 on a device with the studio, Ewa, Anna and Jan, and the given activities. */
async function setUp(unit = makeUnit(), activities: Activity[] = [wood]): Promise<void> {
  fixture = await startFixture({ records: { units: [unit], rooms: [studio], staff: [ewa], participants: [anna, jan], activities } });
}

beforeEach(() => setUp());
afterEach(() => stopFixture());

/** Waits until the week is read, then clicks a toolbar button. */
const open = async (name: string) => fireEvent.click(await screen.findByRole('button', { name }));
/** The stored activities other than the seeded ones. */
const created = async () => (await fixture.records('activities')).filter((a) => !['a-wood', 'a-trip', 'a-long'].includes(a.id));

const form = () => screen.getByRole('region', { name: /Nowe zajęcia|Wyjście \/ wycieczka|Edycja/ });

describe('Nowe zajęcia', () => {
  it('shows each error next to its field, without axe violations, and saves nothing', async () => {
    const { container } = render(<WeekPlanScreen />);
    await open('Nowe zajęcia');
    fireEvent.input(screen.getByLabelText('Początek'), { target: { value: '12:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(screen.getByRole('alert').textContent).toBe('Popraw zaznaczone pola.');
    expect(screen.getByLabelText('Nazwa').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('a-title-error')?.textContent).toBe('To pole jest wymagane.');
    expect(document.getElementById('a-end-error')?.textContent).toBe('Koniec musi być później niż początek.');
    expect(document.getElementById('a-weekdays-error')?.textContent).toBe('Wybierz co najmniej jeden dzień.');
    expect(await fixture.outbox()).toEqual([]);
    expect(screen.getByRole('region', { name: 'Ostrzeżenia przed zapisem' }).textContent).toContain('Uzupełnij zajęcia bez błędów');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('warns live about a room double booking before saving, then saves the class', async () => {
    render(<WeekPlanScreen />);
    await open('Nowe zajęcia');
    const warnings = () => screen.getByRole('region', { name: 'Ostrzeżenia przed zapisem' });
    fireEvent.input(screen.getByLabelText('Nazwa'), { target: { value: 'Muzykoterapia' } });
    fireEvent.change(screen.getByLabelText('Rodzaj'), { target: { value: 'musicTherapy' } });
    fireEvent.click(screen.getByLabelText('Wtorek'));
    expect(warnings().textContent).toContain('24.11.2026: Anna Kowalska ma w tym samym czasie: Stolarstwo i Muzykoterapia.');
    expect(warnings().textContent).toContain('Muzykoterapia: 2 uczestników na 0 prowadzących (WTZ: najwyżej 5 osób na prowadzącego).');
    expect(warnings().textContent).not.toContain('Sala');
    fireEvent.change(screen.getByLabelText('Sala'), { target: { value: 'r-wood' } });
    expect(warnings().textContent).toContain('24.11.2026: Sala „Pracownia stolarska” zajęta w tym samym czasie');
    expect(warnings().textContent).toContain('i jeszcze 3 terminy');
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await screen.findByText('Zapisano: Muzykoterapia.');
    expect(await created()).toEqual([expect.objectContaining({
      unitId: 'unit-1', title: 'Muzykoterapia', category: 'musicTherapy', roomId: 'r-wood', staffIds: [], audience: { type: 'unit' }, capacity: null,
      startTime: '10:00', endTime: '11:00', kind: 'recurring', weekdays: [2], validFrom: '2026-11-23', validTo: null, deleted: false,
    })]);
  });

  it('a studio audience needs its studio; capacity must be a whole number', async () => {
    render(<WeekPlanScreen />);
    await open('Nowe zajęcia');
    fireEvent.click(within(form()).getByLabelText('Pracownia'));
    fireEvent.input(screen.getByLabelText('Liczba miejsc'), { target: { value: '2,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(document.getElementById('a-studioId-error')?.textContent).toBe('Wybierz pracownię.');
    expect(document.getElementById('a-capacity-error')?.textContent).toBe('Wpisz liczbę całkowitą większą od zera.');
  });
});

describe('Wyjście / wycieczka', () => {
  it('needs a place and chosen people, then saves a one-off with the bus', async () => {
    render(<WeekPlanScreen />);
    await open('Wyjście / wycieczka');
    expect(screen.getByLabelText('Wyjazd')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Nazwa'), { target: { value: 'Wyjście do kina' } });
    fireEvent.input(screen.getByLabelText('Dzień'), { target: { value: '2026-11-26' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(document.getElementById('a-place-error')?.textContent).toBe('Podaj miejsce wyjścia lub wycieczki.');
    expect(document.getElementById('a-people-error')?.textContent).toBe('Wybierz co najmniej jedną osobę.');
    fireEvent.input(screen.getByLabelText('Miejsce poza placówką'), { target: { value: 'Kino Bałtyk' } });
    fireEvent.click(screen.getByLabelText('Kowalska Anna'));
    fireEvent.click(screen.getByLabelText('Ewa Lis'));
    expect(screen.getByRole('region', { name: 'Ostrzeżenia przed zapisem' }).textContent)
      .toContain('26.11.2026: Ewa Lis prowadzi w tym samym czasie');
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(async () => expect(await created()).toEqual([expect.objectContaining({
      kind: 'oneOff', title: 'Wyjście do kina', category: 'outing', day: '2026-11-26', place: 'Kino Bałtyk', needsBus: true,
      startTime: '09:00', endTime: '13:00', staffIds: ['s-ewa'], audience: { type: 'people', participantIds: ['p-anna'] },
    })]));
  });

  it('a trip on a public holiday is warned about before saving', async () => {
    render(<WeekPlanScreen />);
    await open('Wyjście / wycieczka');
    fireEvent.input(screen.getByLabelText('Nazwa'), { target: { value: 'Spacer' } });
    fireEvent.input(screen.getByLabelText('Dzień'), { target: { value: '2026-12-25' } });
    fireEvent.input(screen.getByLabelText('Miejsce poza placówką'), { target: { value: 'Park' } });
    fireEvent.click(screen.getByLabelText('Nowak Jan'));
    expect(screen.getByRole('region', { name: 'Ostrzeżenia przed zapisem' }).textContent)
      .toContain('25.12.2026: Spacer: placówka jest tego dnia nieczynna, zajęcia się nie odbędą.');
  });
});

describe('editing a series', () => {
  it('opens the series from an occurrence, saves only through the action, and deletes after confirming', async () => {
    render(<WeekPlanScreen />);
    fireEvent.click(await within(await screen.findByRole('region', { name: /^Wtorek/ })).findByRole('button', { name: /Stolarstwo/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Edytuj cały cykl' }));
    expect((screen.getByLabelText('Nazwa') as HTMLInputElement).value).toBe('Stolarstwo');
    expect((screen.getByLabelText('Piątek') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Piątek'));
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(async () => expect(await fixture.record('activities', 'a-wood')).toEqual({ ...wood, weekdays: [1, 2, 3, 4], hlc: expect.any(String), changedBy: 'user-1' }));
    expect(await created()).toEqual([]);
    fireEvent.click(await within(screen.getByRole('region', { name: /^Wtorek/ })).findByRole('button', { name: /Stolarstwo/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Edytuj cały cykl' }));
    fireEvent.click(screen.getByRole('button', { name: 'Usuń zajęcia' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Usunąć zajęcia?' })).getByRole('button', { name: 'Usuń zajęcia' }));
    await waitFor(async () => expect((await fixture.record('activities', 'a-wood'))?.deleted ?? true).toBe(true));
  });
});

describe('copy week and new term', () => {
  it('copies the week’s one-off events to the chosen week', async () => {
    await setUp(makeUnit(), [wood, makeOneOff({ id: 'a-trip', title: 'Wycieczka', day: '2026-11-25', place: 'Gdańsk' })]);
    render(<WeekPlanScreen />);
    await open('Kopiuj tydzień');
    const dialog = screen.getByRole('dialog', { name: 'Kopiuj tydzień' });
    expect(dialog.textContent).toContain('z tygodnia 23.11.2026–29.11.2026');
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('1 wydarzenie do skopiowania.'));
    expect(within(dialog).getByRole('status').textContent).toBe('1 wydarzenie do skopiowania.');
    expect(await axeViolations(dialog)).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kopiuj' }));
    await screen.findByText('Skopiowano 1 wydarzenie.');
    expect(await created()).toEqual([expect.objectContaining({ kind: 'oneOff', title: 'Wycieczka', unitId: 'unit-1', day: '2026-12-02', place: 'Gdańsk' })]);
  });

  it('starts a new term from the template of a day', async () => {
    render(<WeekPlanScreen />);
    await open('Nowy semestr');
    const dialog = screen.getByRole('dialog', { name: 'Nowy semestr z szablonu' });
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('1 zajęcia w szablonie.'));
    fireEvent.input(within(dialog).getByLabelText('Nowy semestr od'), { target: { value: '2026-11-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Utwórz semestr' }));
    expect(within(dialog).getByText('Nowy semestr musi się zaczynać po dniu szablonu.')).toBeTruthy();
    expect(await fixture.outbox()).toEqual([]);
    fireEvent.input(within(dialog).getByLabelText('Nowy semestr od'), { target: { value: '2027-02-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Utwórz semestr' }));
    // The series of the template day ends before the new term; a copy starts on 1.02.2027.
    await waitFor(async () => expect(await created()).toEqual([expect.objectContaining({ title: 'Stolarstwo', unitId: 'unit-1', validFrom: '2027-02-01', validTo: null })]));
    expect(await fixture.record('activities', 'a-wood')).toMatchObject({ kind: 'recurring', validTo: '2027-01-31' });
  });
});

describe('rules panels', () => {
  it('WTZ: hours per participant per day and week, shortfalls and excesses in words', async () => {
    const long = makeRecurring({ id: 'a-long', title: 'Ogrodnictwo', weekdays: [1], startTime: '07:00', endTime: '15:00', audience: { type: 'people', participantIds: ['p-jan'] } });
    await setUp(makeUnit({ openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '07:00', close: '15:00' })) }), [wood, long]);
    render(<WeekPlanScreen />);
    const panel = await screen.findByRole('region', { name: 'Godziny zajęć uczestników (WTZ)' });
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('2 uczestników z uwagami do godzin'));
    const row = (name: string) => within(panel).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(row('Kowalska Anna').textContent).toContain('3 h poniżej normy');
    expect(row('Kowalska Anna').textContent).toContain('15 h poniżej normy');
    expect(row('Nowak Jan').textContent).toContain('8 h ponad limit');
  });

  it('Senior+: the opening hours checked against the 8-hour offer', async () => {
    await setUp(makeUnit({ kind: 'seniorPlus', openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: weekday === 5 ? '14:30' : '16:00' })) }));
    render(<WeekPlanScreen />);
    expect((await screen.findByText(/program wymaga oferty co najmniej 8 godzin/)).closest('.callout')?.textContent).toContain('Piątek: 6 h 30 min');
    expect(screen.queryByRole('region', { name: 'Godziny zajęć uczestników (WTZ)' })).toBeNull();
  });

  it('Senior+ open 8 hours passes', async () => {
    await setUp(makeUnit({ kind: 'seniorPlus', openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' })) }));
    render(<WeekPlanScreen />);
    expect(await screen.findByText(/Senior\+: placówka jest otwarta co najmniej 8 godzin/)).toBeTruthy();
  });
});

