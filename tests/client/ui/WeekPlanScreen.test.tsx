// The weekly planner over the fake state: the week grid (Monday first, holidays without sessions,
// blocks with category and warnings in words), the views by room and by participant, the occurrence
// panel's exceptions, the forms with their errors and live conflict warnings, copy week and new term,
// the WTZ hours and the Senior+ check, and a therapist's read-only view. axe finds nothing.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WeekPlanScreen } from '../../../src/client/ui/screens/plan/WeekPlanScreen';
import { axeViolations } from './axe';
import { actions, fake, loaded, resetFake, session, signIn } from './fake-state';
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
const hall = makeRoom({ id: 'r-hall', name: 'Sala spotkań', isStudio: false, capacity: 20 });
const ewa = { ...meta('s-ewa'), firstName: 'Ewa', lastName: 'Lis', role: 'therapist' as const, jobTitle: 'instruktor', unitIds: ['unit-1'], phone: null, email: null, active: true };
const olek = { ...meta('s-olek'), firstName: 'Olek', lastName: 'Bury', role: 'therapist' as const, jobTitle: 'instruktor', unitIds: ['unit-1'], phone: null, email: null, active: true };

const wood = makeRecurring({ id: 'a-wood', title: 'Stolarstwo', roomId: 'r-wood', staffIds: ['s-ewa'], weekdays: [1, 3], startTime: '09:00', endTime: '12:00', audience: { type: 'people', participantIds: ['p-anna'] } });
const music = makeRecurring({ id: 'a-music', title: 'Muzykoterapia', category: 'musicTherapy', roomId: 'r-wood', staffIds: ['s-olek'], weekdays: [1], startTime: '11:00', endTime: '12:30', audience: { type: 'people', participantIds: ['p-jan'] } });
const trip = makeOneOff({ id: 'a-trip', title: 'Wycieczka do Gdańska', day: '2026-11-12', place: 'Gdańsk', staffIds: ['s-olek'], audience: { type: 'people', participantIds: ['p-anna', 'p-jan'] } });

function setUp(over: { roles?: string[]; unit?: Parameters<typeof makeUnit>[0] } = {}) {
  signIn(makeUnit(over.unit));
  if (over.roles) fake.session.value = loaded({ ...session, roles: over.roles });
  fake.today.value = '2026-11-09';
  fake.rooms.value = loaded([hall, studio]);
  fake.staff.value = [olek, ewa];
  fake.participants.value = loaded([anna, jan]);
  fake.activities.value = loaded([wood, music, trip]);
}

beforeEach(() => {
  resetFake();
  setUp();
});
afterEach(() => cleanup());

const day = (name: RegExp) => screen.getByRole('region', { name });
const titles = (region: HTMLElement) => [...region.querySelectorAll('.plan-block__title')].map((e) => e.textContent);

describe('WeekPlanScreen: the week', () => {
  it('shows Monday to Friday, the holiday without sessions, blocks with category and warnings in words', async () => {
    const { container } = render(<WeekPlanScreen />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Poniedziałek 09.11.2026 · dziś', 'Wtorek 10.11.2026', 'Środa 11.11.2026', 'Czwartek 12.11.2026', 'Piątek 13.11.2026',
    ]);
    expect(titles(day(/^Poniedziałek/))).toEqual(['Stolarstwo', 'Muzykoterapia']);
    expect(within(day(/^Środa/)).getByText(/Święto: Narodowe Święto Niepodległości/)).toBeTruthy();
    expect(titles(day(/^Środa/))).toEqual([]);
    expect(titles(day(/^Czwartek/))).toEqual(['Wycieczka do Gdańska']);
    const music = within(day(/^Poniedziałek/)).getByRole('button', { name: /Muzykoterapia/ });
    expect(music.textContent).toContain('muzykoterapia');
    expect(music.textContent).toContain('sala zajęta');
    expect(within(day(/^Czwartek/)).getByRole('button', { name: /Wycieczka/ }).textContent).toContain('Gdańsk · wycieczka');
    const warnings = screen.getByRole('region', { name: /Ostrzeżenia w tym tygodniu/ });
    expect(warnings.textContent).toContain('09.11.2026: Sala „Pracownia stolarska” zajęta w tym samym czasie: Muzykoterapia i Stolarstwo.');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('the next week, the day view, and the plan of one room or one participant', () => {
    render(<WeekPlanScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Następny tydzień' }));
    expect(screen.getByText('Tydzień 16.11.2026–22.11.2026', { selector: '.plan-toolbar__range' })).toBeTruthy();
    expect(titles(day(/^Środa 18/))).toEqual(['Stolarstwo']);
    fireEvent.click(screen.getByLabelText('Dzień'));
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Poniedziałek 16.11.2026']);
    fireEvent.click(screen.getByLabelText('Tydzień'));
    fireEvent.click(screen.getByRole('button', { name: 'Dziś' }));
    fireEvent.change(screen.getByLabelText('Czyj plan'), { target: { value: 'participant:p-jan' } });
    expect(titles(day(/^Poniedziałek/))).toEqual(['Muzykoterapia']);
    expect(titles(day(/^Czwartek/))).toEqual(['Wycieczka do Gdańska']);
    expect(screen.getByRole('button', { name: 'Drukuj plan: Jan Nowak' })).toBeTruthy();
    const printed = document.querySelector('.plan-print') as HTMLElement;
    expect(printed.querySelector('.plan-print__title')?.textContent).toBe('Plan tygodnia: Nowak Jan, 09.11.2026–15.11.2026 · WTZ „Przystań”');
    expect([...printed.querySelectorAll('.plan-print__item')].map((e) => e.textContent)).toEqual([
      '11:00–12:30 MuzykoterapiaPracownia stolarska · Olek Bury', '08:00–14:00 Wycieczka do GdańskaGdańsk · Olek Bury',
    ]);
    expect(printed.textContent).toContain('Święto: Narodowe Święto Niepodległości');
    fireEvent.change(screen.getByLabelText('Czyj plan'), { target: { value: 'staff:s-ewa' } });
    expect(titles(day(/^Poniedziałek/))).toEqual(['Stolarstwo']);
    expect(titles(day(/^Czwartek/))).toEqual([]);
  });
});

describe('WeekPlanScreen: one occurrence', () => {
  const openBlock = (name: RegExp) => fireEvent.click(within(day(/^Poniedziałek/)).getByRole('button', { name }));

  it('cancels this one occurrence only', async () => {
    render(<WeekPlanScreen />);
    openBlock(/Stolarstwo/);
    const panel = screen.getByRole('dialog', { name: 'Stolarstwo' });
    expect(panel.textContent).toContain('Prowadzi: Ewa Lis');
    expect(panel.textContent).toContain('Sala „Pracownia stolarska” zajęta');
    expect(await axeViolations(panel)).toEqual([]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Odwołaj te zajęcia' }));
    await waitFor(() => expect(actions.cancelOccurrence).toHaveBeenCalledWith(wood, '2026-11-09'));
    await screen.findByText('Odwołano: Stolarstwo, 09.11.2026. Pozostałe terminy bez zmian.');
  });

  it('moves it, with the new time checked next to the field', async () => {
    render(<WeekPlanScreen />);
    openBlock(/Muzykoterapia/);
    fireEvent.click(screen.getByRole('button', { name: 'Przenieś te zajęcia' }));
    fireEvent.input(screen.getByLabelText('Nowy dzień'), { target: { value: '2026-11-10' } });
    fireEvent.input(screen.getByLabelText('Koniec'), { target: { value: '10:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz przeniesienie' }));
    expect(screen.getByText('Koniec musi być później niż początek.')).toBeTruthy();
    expect(actions.moveOccurrence).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Koniec'), { target: { value: '12:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz przeniesienie' }));
    await waitFor(() => expect(actions.moveOccurrence).toHaveBeenCalledWith(music, '2026-11-09', { day: '2026-11-10', startTime: '11:00', endTime: '12:30' }));
  });

  it('sets a substitute instructor', async () => {
    render(<WeekPlanScreen />);
    openBlock(/Stolarstwo/);
    fireEvent.click(screen.getByRole('button', { name: 'Zastępstwo' }));
    fireEvent.click(screen.getByLabelText(/Ewa Lis/));
    fireEvent.click(screen.getByLabelText(/Olek Bury/));
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz zastępstwo' }));
    await waitFor(() => expect(actions.substituteOccurrence).toHaveBeenCalledWith(wood, '2026-11-09', ['s-olek']));
  });

  it('shows a cancelled occurrence struck through and restores it; a substitute shows on the block', async () => {
    fake.sessions.value = [
      { ...meta('s:a-wood:2026-11-09'), activityId: 'a-wood', unitId: 'unit-1', day: '2026-11-09', status: 'cancelled', movedTo: null, substituteStaffIds: null, topic: '', notes: '' },
      { ...meta('s:a-music:2026-11-09'), activityId: 'a-music', unitId: 'unit-1', day: '2026-11-09', status: 'planned', movedTo: null, substituteStaffIds: ['s-ewa'], topic: '', notes: '' },
    ];
    render(<WeekPlanScreen />);
    const monday = day(/^Poniedziałek/);
    expect(within(monday).getByRole('button', { name: /Stolarstwo/ }).textContent).toContain('odwołane');
    expect(within(monday).getByRole('button', { name: /Muzykoterapia/ }).textContent).toContain('zastępstwo');
    expect(within(monday).getByRole('button', { name: /Muzykoterapia/ }).textContent).not.toContain('sala zajęta');
    openBlock(/Stolarstwo/);
    fireEvent.click(screen.getByRole('button', { name: 'Przywróć te zajęcia' }));
    await waitFor(() => expect(actions.restoreOccurrence).toHaveBeenCalledWith(wood, '2026-11-09'));
  });

  it('a therapist views and prints but does not edit', () => {
    cleanup();
    resetFake();
    setUp({ roles: ['therapist'] });
    render(<WeekPlanScreen />);
    expect(screen.queryByRole('button', { name: 'Nowe zajęcia' })).toBeNull();
    expect(screen.getByText(/Plan zmieniają koordynatorzy i administratorzy/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Drukuj plan tygodnia' })).toBeTruthy();
    openBlock(/Stolarstwo/);
    expect(screen.queryByRole('button', { name: 'Odwołaj te zajęcia' })).toBeNull();
  });
});
