// The weekly planner over the real state layer and a device database: the week grid (Monday first, holidays without sessions,
// blocks with category and warnings in words), the views by room and by participant, the occurrence
// panel's exceptions, the forms with their errors and live conflict warnings, copy week and new term,
// the WTZ hours and the Senior+ check, and a therapist's read-only view. axe finds nothing. The
// exceptions of one occurrence are read back from the device (the session record of that day).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../src/domain';
import { WeekPlanScreen } from '../../../src/client/ui/screens/plan/WeekPlanScreen';
import { startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { anna, jan, makeOneOff, makeRecurring, makeRoom, makeUnit } from './fixtures';
import { meta } from '../../domain/rules/fixtures';


const studio = makeRoom({ id: 'r-wood', name: 'Pracownia stolarska', capacity: 10 });
const hall = makeRoom({ id: 'r-hall', name: 'Sala spotkań', isStudio: false, capacity: 20 });
const ewa = { ...meta('s-ewa'), firstName: 'Ewa', lastName: 'Lis', role: 'therapist' as const, jobTitle: 'instruktor', unitIds: ['unit-1'], phone: null, email: null, active: true };
const olek = { ...meta('s-olek'), firstName: 'Olek', lastName: 'Bury', role: 'therapist' as const, jobTitle: 'instruktor', unitIds: ['unit-1'], phone: null, email: null, active: true };

const wood = makeRecurring({ id: 'a-wood', title: 'Stolarstwo', roomId: 'r-wood', staffIds: ['s-ewa'], weekdays: [1, 3], startTime: '09:00', endTime: '12:00', audience: { type: 'people', participantIds: ['p-anna'] } });
const music = makeRecurring({ id: 'a-music', title: 'Muzykoterapia', category: 'musicTherapy', roomId: 'r-wood', staffIds: ['s-olek'], weekdays: [1], startTime: '11:00', endTime: '12:30', audience: { type: 'people', participantIds: ['p-jan'] } });
const trip = makeOneOff({ id: 'a-trip', title: 'Wycieczka do Gdańska', day: '2026-11-12', place: 'Gdańsk', staffIds: ['s-olek'], audience: { type: 'people', participantIds: ['p-anna', 'p-jan'] } });

/** Monday 9.11.2026 on a device of the unit with its rooms, staff, two people and three activities. */
function setUp(over: { roles?: string[]; unit?: Parameters<typeof makeUnit>[0]; sessions?: Session[] } = {}): Promise<AppFixture> {
  return startFixture({
    roles: over.roles, nowMs: Date.UTC(2026, 10, 9, 7, 42),
    records: { units: [makeUnit(over.unit)], rooms: [hall, studio], staff: [olek, ewa], participants: [anna, jan], activities: [wood, music, trip], sessions: over.sessions ?? [] },
  });
}

let fixture: AppFixture;
beforeEach(async () => {
  fixture = await setUp();
});
afterEach(() => stopFixture());

const day = (name: RegExp) => screen.getByRole('region', { name });
/** Waits until the week is read (Monday's blocks are on the screen). */
const findWeek = () => waitFor(() => expect(titles(day(/^Poniedziałek/)).length).toBeGreaterThan(0));
/** The stored session record of an activity on a planned day. */
const occurrence = (activityId: string, plannedDay: string) => fixture.record('sessions', `s:${activityId}:${plannedDay}`);
const titles = (region: HTMLElement) => [...region.querySelectorAll('.plan-block__title')].map((e) => e.textContent);

describe('WeekPlanScreen: the week', () => {
  it('shows Monday to Friday, the holiday without sessions, blocks with category and warnings in words', async () => {
    const { container } = render(<WeekPlanScreen />);
    await findWeek();
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

  it('the next week, the day view, and the plan of one room or one participant', async () => {
    render(<WeekPlanScreen />);
    await findWeek();
    fireEvent.click(screen.getByRole('button', { name: 'Następny tydzień' }));
    expect(await screen.findByText('Tydzień 16.11.2026–22.11.2026', { selector: '.plan-toolbar__range' })).toBeTruthy();
    await waitFor(() => expect(titles(day(/^Środa 18/))).toEqual(['Stolarstwo']));
    fireEvent.click(screen.getByLabelText('Dzień'));
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Poniedziałek 16.11.2026']));
    fireEvent.click(screen.getByLabelText('Tydzień'));
    fireEvent.click(screen.getByRole('button', { name: 'Dziś' }));
    fireEvent.change(await screen.findByLabelText('Czyj plan'), { target: { value: 'participant:p-jan' } });
    await waitFor(() => expect(titles(day(/^Poniedziałek/))).toEqual(['Muzykoterapia']));
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
  const openBlock = async (name: RegExp) => {
    await findWeek();
    fireEvent.click(within(day(/^Poniedziałek/)).getByRole('button', { name }));
  };

  it('cancels this one occurrence only', async () => {
    render(<WeekPlanScreen />);
    await openBlock(/Stolarstwo/);
    const panel = screen.getByRole('dialog', { name: 'Stolarstwo' });
    expect(panel.textContent).toContain('Prowadzi: Ewa Lis');
    expect(panel.textContent).toContain('Sala „Pracownia stolarska” zajęta');
    expect(await axeViolations(panel)).toEqual([]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Odwołaj te zajęcia' }));
    await screen.findByText('Odwołano: Stolarstwo, 09.11.2026. Pozostałe terminy bez zmian.');
    expect(await occurrence('a-wood', '2026-11-09')).toMatchObject({ activityId: 'a-wood', unitId: 'unit-1', day: '2026-11-09', status: 'cancelled', movedTo: null });
    expect(await occurrence('a-wood', '2026-11-11')).toBeUndefined();
    expect(await fixture.record('activities', 'a-wood')).toEqual(wood);
  });

  it('moves it, with the new time checked next to the field', async () => {
    render(<WeekPlanScreen />);
    await openBlock(/Muzykoterapia/);
    fireEvent.click(screen.getByRole('button', { name: 'Przenieś te zajęcia' }));
    fireEvent.input(screen.getByLabelText('Nowy dzień'), { target: { value: '2026-11-10' } });
    fireEvent.input(screen.getByLabelText('Koniec'), { target: { value: '10:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz przeniesienie' }));
    expect(screen.getByText('Koniec musi być później niż początek.')).toBeTruthy();
    expect(await fixture.outbox()).toEqual([]);
    fireEvent.input(screen.getByLabelText('Koniec'), { target: { value: '12:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz przeniesienie' }));
    await waitFor(async () => expect(await occurrence('a-music', '2026-11-09')).toMatchObject({
      status: 'moved', movedTo: { day: '2026-11-10', startTime: '11:00', endTime: '12:30' },
    }));
  });

  it('sets a substitute instructor', async () => {
    render(<WeekPlanScreen />);
    await openBlock(/Stolarstwo/);
    fireEvent.click(screen.getByRole('button', { name: 'Zastępstwo' }));
    fireEvent.click(screen.getByLabelText(/Ewa Lis/));
    fireEvent.click(screen.getByLabelText(/Olek Bury/));
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz zastępstwo' }));
    await waitFor(async () => expect(await occurrence('a-wood', '2026-11-09')).toMatchObject({ status: 'planned', substituteStaffIds: ['s-olek'] }));
  });

  it('shows a cancelled occurrence struck through and restores it; a substitute shows on the block', async () => {
    fixture = await setUp({ sessions: [
      { ...meta('s:a-wood:2026-11-09'), activityId: 'a-wood', unitId: 'unit-1', day: '2026-11-09', status: 'cancelled', movedTo: null, substituteStaffIds: null, topic: '', notes: '' },
      { ...meta('s:a-music:2026-11-09'), activityId: 'a-music', unitId: 'unit-1', day: '2026-11-09', status: 'planned', movedTo: null, substituteStaffIds: ['s-ewa'], topic: '', notes: '' },
    ] });
    render(<WeekPlanScreen />);
    await findWeek();
    const monday = day(/^Poniedziałek/);
    expect(within(monday).getByRole('button', { name: /Stolarstwo/ }).textContent).toContain('odwołane');
    expect(within(monday).getByRole('button', { name: /Muzykoterapia/ }).textContent).toContain('zastępstwo');
    expect(within(monday).getByRole('button', { name: /Muzykoterapia/ }).textContent).not.toContain('sala zajęta');
    await openBlock(/Stolarstwo/);
    fireEvent.click(screen.getByRole('button', { name: 'Przywróć te zajęcia' }));
    await waitFor(async () => expect(await occurrence('a-wood', '2026-11-09')).toMatchObject({ status: 'planned', movedTo: null }));
  });

  it('a therapist views and prints but does not edit', async () => {
    fixture = await setUp({ roles: ['therapist'] });
    render(<WeekPlanScreen />);
    await findWeek();
    expect(screen.queryByRole('button', { name: 'Nowe zajęcia' })).toBeNull();
    expect(screen.getByText(/Plan zmieniają koordynatorzy i administratorzy/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Drukuj plan tygodnia' })).toBeTruthy();
    await openBlock(/Stolarstwo/);
    expect(screen.queryByRole('button', { name: 'Odwołaj te zajęcia' })).toBeNull();
  });
});
