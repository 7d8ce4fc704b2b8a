// The planner's forms over the fake state: "Nowe zajęcia" with errors next to the fields and live
// conflict warnings before saving, "Wyjście / wycieczka", editing and deleting a series, copy week,
// new term, the WTZ hours panel and the Senior+ opening-hours check.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WeekPlanScreen } from '../../../src/client/ui/screens/plan/WeekPlanScreen';
import { axeViolations } from './axe';
import { actions, fake, loaded, resetFake, signIn } from './fake-state';
import { anna, jan, makeOneOff, makeRecurring, makeRoom, makeUnit } from './fixtures';
import { meta } from '../../domain/rules/fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/reports', async () => (await import('./fake-state')).fakeReportingModule());
vi.mock('../../../src/client/state/register', async () => (await import('./fake-state')).fakeRegistryModule());
vi.mock('../../../src/client/state/meals', async () => (await import('./fake-state')).fakeKitchenModule());
vi.mock('../../../src/client/state/transport', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/transport/routes', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/attendance', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/admin', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/plan', async () => (await import('./fake-state')).fakePlannerModule());

const studio = makeRoom({ id: 'r-wood', name: 'Pracownia stolarska', capacity: 10 });
const ewa = { ...meta('s-ewa'), firstName: 'Ewa', lastName: 'Lis', role: 'therapist' as const, jobTitle: '', unitIds: ['unit-1'], phone: null, email: null, active: true };
const wood = makeRecurring({ id: 'a-wood', title: 'Stolarstwo', roomId: 'r-wood', staffIds: ['s-ewa'], weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:00', audience: { type: 'people', participantIds: ['p-anna'] } });

function setUp(unit = makeUnit(), activities = [wood]) {
  signIn(unit);
  fake.today.value = '2026-11-23';
  fake.rooms.value = loaded([studio]);
  fake.staff.value = [ewa];
  fake.participants.value = loaded([anna, jan]);
  fake.activities.value = loaded(activities);
}

beforeEach(() => {
  resetFake();
  setUp();
});
afterEach(() => cleanup());

const form = () => screen.getByRole('region', { name: /Nowe zajęcia|Wyjście \/ wycieczka|Edycja/ });

describe('Nowe zajęcia', () => {
  it('shows each error next to its field, without axe violations, and saves nothing', async () => {
    const { container } = render(<WeekPlanScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Nowe zajęcia' }));
    fireEvent.input(screen.getByLabelText('Początek'), { target: { value: '12:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(screen.getByRole('alert').textContent).toBe('Popraw zaznaczone pola.');
    expect(screen.getByLabelText('Nazwa').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('a-title-error')?.textContent).toBe('To pole jest wymagane.');
    expect(document.getElementById('a-end-error')?.textContent).toBe('Koniec musi być później niż początek.');
    expect(document.getElementById('a-weekdays-error')?.textContent).toBe('Wybierz co najmniej jeden dzień.');
    expect(actions.saveActivity).not.toHaveBeenCalled();
    expect(screen.getByRole('region', { name: 'Ostrzeżenia przed zapisem' }).textContent).toContain('Uzupełnij zajęcia bez błędów');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('warns live about a room double booking before saving, then saves the class', async () => {
    render(<WeekPlanScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Nowe zajęcia' }));
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
    await waitFor(() => expect(actions.saveActivity).toHaveBeenCalledWith(null, {
      unitId: 'unit-1', title: 'Muzykoterapia', category: 'musicTherapy', roomId: 'r-wood', staffIds: [], audience: { type: 'unit' }, capacity: null,
      startTime: '10:00', endTime: '11:00', kind: 'recurring', weekdays: [2], validFrom: '2026-11-23', validTo: null,
    }));
    await screen.findByText('Zapisano: Muzykoterapia.');
  });

  it('a studio audience needs its studio; capacity must be a whole number', () => {
    render(<WeekPlanScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Nowe zajęcia' }));
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
    fireEvent.click(screen.getByRole('button', { name: 'Wyjście / wycieczka' }));
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
    await waitFor(() => expect(actions.saveActivity).toHaveBeenCalledWith(null, expect.objectContaining({
      kind: 'oneOff', title: 'Wyjście do kina', category: 'outing', day: '2026-11-26', place: 'Kino Bałtyk', needsBus: true,
      startTime: '09:00', endTime: '13:00', staffIds: ['s-ewa'], audience: { type: 'people', participantIds: ['p-anna'] },
    })));
  });

  it('a trip on a public holiday is warned about before saving', () => {
    render(<WeekPlanScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Wyjście / wycieczka' }));
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
    fireEvent.click(within(screen.getByRole('region', { name: /^Wtorek/ })).getByRole('button', { name: /Stolarstwo/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Edytuj cały cykl' }));
    expect((screen.getByLabelText('Nazwa') as HTMLInputElement).value).toBe('Stolarstwo');
    expect((screen.getByLabelText('Piątek') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Piątek'));
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(() => expect(actions.saveActivity).toHaveBeenCalledWith('a-wood', expect.objectContaining({ weekdays: [1, 2, 3, 4] })));
    fireEvent.click(within(screen.getByRole('region', { name: /^Wtorek/ })).getByRole('button', { name: /Stolarstwo/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Edytuj cały cykl' }));
    fireEvent.click(screen.getByRole('button', { name: 'Usuń zajęcia' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Usunąć zajęcia?' })).getByRole('button', { name: 'Usuń zajęcia' }));
    await waitFor(() => expect(actions.deleteActivity).toHaveBeenCalledWith('a-wood'));
  });
});

describe('copy week and new term', () => {
  it('copies the week’s one-off events to the chosen week', async () => {
    setUp(makeUnit(), [wood, makeOneOff({ id: 'a-trip', title: 'Wycieczka', day: '2026-11-25', place: 'Gdańsk' })]);
    render(<WeekPlanScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Kopiuj tydzień' }));
    const dialog = screen.getByRole('dialog', { name: 'Kopiuj tydzień' });
    expect(dialog.textContent).toContain('z tygodnia 23.11.2026–29.11.2026');
    expect(within(dialog).getByRole('status').textContent).toBe('1 wydarzenie do skopiowania.');
    expect(await axeViolations(dialog)).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kopiuj' }));
    await waitFor(() => expect(actions.copyWeek).toHaveBeenCalledWith(expect.any(Array), 'unit-1', '2026-11-23', '2026-11-30'));
    await screen.findByText('Skopiowano 1 wydarzenie.');
  });

  it('starts a new term from the template of a day', async () => {
    render(<WeekPlanScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Nowy semestr' }));
    const dialog = screen.getByRole('dialog', { name: 'Nowy semestr z szablonu' });
    expect(within(dialog).getByRole('status').textContent).toBe('1 zajęcia w szablonie.');
    fireEvent.input(within(dialog).getByLabelText('Nowy semestr od'), { target: { value: '2026-11-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Utwórz semestr' }));
    expect(within(dialog).getByText('Nowy semestr musi się zaczynać po dniu szablonu.')).toBeTruthy();
    fireEvent.input(within(dialog).getByLabelText('Nowy semestr od'), { target: { value: '2027-02-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Utwórz semestr' }));
    await waitFor(() => expect(actions.startNewTerm).toHaveBeenCalledWith(expect.any(Array), 'unit-1', '2026-11-23', '2027-02-01', null));
  });
});

describe('rules panels', () => {
  it('WTZ: hours per participant per day and week, shortfalls and excesses in words', () => {
    const long = makeRecurring({ id: 'a-long', title: 'Ogrodnictwo', weekdays: [1], startTime: '07:00', endTime: '15:00', audience: { type: 'people', participantIds: ['p-jan'] } });
    setUp(makeUnit({ openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '07:00', close: '15:00' })) }), [wood, long]);
    render(<WeekPlanScreen />);
    const panel = screen.getByRole('region', { name: 'Godziny zajęć uczestników (WTZ)' });
    expect(within(panel).getByRole('status').textContent).toBe('2 uczestników z uwagami do godzin');
    const row = (name: string) => within(panel).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(row('Kowalska Anna').textContent).toContain('3 h poniżej normy');
    expect(row('Kowalska Anna').textContent).toContain('15 h poniżej normy');
    expect(row('Nowak Jan').textContent).toContain('8 h ponad limit');
  });

  it('Senior+: the opening hours checked against the 8-hour offer', () => {
    setUp(makeUnit({ kind: 'seniorPlus', openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: weekday === 5 ? '14:30' : '16:00' })) }));
    render(<WeekPlanScreen />);
    expect(screen.getByText(/program wymaga oferty co najmniej 8 godzin/).closest('.callout')?.textContent).toContain('Piątek: 6 h 30 min');
    expect(screen.queryByRole('region', { name: 'Godziny zajęć uczestników (WTZ)' })).toBeNull();
  });

  it('Senior+ open 8 hours passes', () => {
    setUp(makeUnit({ kind: 'seniorPlus', openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' })) }));
    render(<WeekPlanScreen />);
    expect(screen.getByText(/Senior\+: placówka jest otwarta co najmniej 8 godzin/)).toBeTruthy();
  });
});

