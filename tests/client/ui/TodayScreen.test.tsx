// The Today screen inside the signed-in shell: long Polish date, counts, classes, reminders naming
// each person with correct plurals, notices, meals, closed-day notices, and no axe violations.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { axeViolations } from './axe';
import { fake, loaded, resetFake, signIn } from './fake-state';
import { anna, jan, zofia, makeOverview, makeUnit } from './fixtures';

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
  navigate('/');
});
afterEach(() => cleanup());

const tile = (label: string) => screen.getByText(label, { selector: '.tile__label' }).closest('li') as HTMLElement;

describe('Today screen', () => {
  it('shows the long Polish date and the current unit', () => {
    signIn(makeUnit(), makeOverview());
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('poniedziałek, 23 listopada 2026');
    expect(screen.getByText('Placówka: WTZ „Przystań”')).toBeTruthy();
  });

  it('shows the five counts from the overview', () => {
    signIn(makeUnit(), makeOverview({ counts: { expected: 27, present: 19, absent: 2, excused: 4, unmarked: 2 } }));
    render(<App />);
    expect(tile('Oczekiwani').textContent).toBe('27Oczekiwani');
    expect(tile('Obecni').textContent).toBe('19Obecni');
    expect(tile('Nieobecni').textContent).toBe('2Nieobecni');
    expect(tile('Usprawiedliwieni').textContent).toBe('4Usprawiedliwieni');
    expect(tile('Nieoznaczeni').textContent).toBe('2Nieoznaczeni');
  });

  it('lists reminders, each naming the person, with Polish plurals', () => {
    signIn(makeUnit(), makeOverview({
      reminders: [
        { kind: 'longAbsence', participant: zofia, workingDays: 5 },
        { kind: 'birthday', participant: jan, age: 42 },
        { kind: 'certificateExpiring', participant: anna, validUntil: '2026-12-31', expired: false },
      ],
    }));
    render(<App />);
    const reminders = within(screen.getByRole('region', { name: 'Przypomnienia' }));
    const items = reminders.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Zofia WiśniewskaNieobecność: 5 dni roboczych z rzędu',
      'Jan NowakUrodziny — kończy 42 lata',
      'Anna KowalskaOrzeczenie o niepełnosprawności ważne do 31.12.2026',
    ]);
  });

  it('lists today’s classes with time, room and staff, and who reported an absence', () => {
    signIn(makeUnit(), makeOverview());
    fake.participants.value = loaded([anna, jan, zofia]);
    render(<App />);
    const sessions = within(screen.getByRole('region', { name: 'Zajęcia dzisiaj' }));
    expect(sessions.getByText('09:00–10:30')).toBeTruthy();
    expect(sessions.getByText('Pracownia stolarska')).toBeTruthy();
    expect(sessions.getByText('Sala: Sala 2')).toBeTruthy();
    expect(sessions.getByText('Prowadzi: Ewa Lis')).toBeTruthy();
    const notices = within(screen.getByRole('region', { name: 'Zgłoszone nieobecności' }));
    expect(notices.getByText('Anna Kowalska')).toBeTruthy();
    expect(notices.getByText(/choroba, do 25.11.2026/)).toBeTruthy();
    expect(screen.getByText('Dziś do wydania: 2 posiłki')).toBeTruthy();
  });

  it('says when the centre is closed for a public holiday', () => {
    signIn(makeUnit(), makeOverview({ day: '2026-11-11', holidayName: 'Narodowe Święto Niepodległości', closedReason: null }));
    render(<App />);
    expect(screen.getByText('Dziś jest święto: Narodowe Święto Niepodległości. Placówka jest nieczynna.')).toBeTruthy();
  });

  it('says so when the unit has no participants yet, and not otherwise', () => {
    signIn(makeUnit(), makeOverview({ counts: { expected: 0, present: 0, absent: 0, excused: 0, unmarked: 0 }, sessions: [] }));
    const { unmount } = render(<App />);
    expect(screen.getByText('W tej placówce nie ma jeszcze uczestników, więc nikt nie jest dziś oczekiwany.')).toBeTruthy();
    expect(screen.getByText('Na dziś nie zaplanowano zajęć.')).toBeTruthy();
    expect(tile('Oczekiwani').textContent).toBe('0Oczekiwani');
    unmount();
    fake.participants.value = loaded([anna]);
    render(<App />);
    expect(screen.queryByText(/nie ma jeszcze uczestników/)).toBeNull();
  });

  it('has no meals card when the unit serves no meals', () => {
    signIn(makeUnit({ servesMeals: false }), makeOverview({ mealsToday: null }));
    render(<App />);
    expect(screen.queryByRole('region', { name: 'Posiłki' })).toBeNull();
  });

  it('shows loading and errors explicitly', () => {
    signIn(makeUnit());
    const { unmount } = render(<App />);
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Wczytywanie…')).toBe(true);
    unmount();
    fake.overview.value = { data: undefined, isLoading: false, error: { code: 'storageUnavailable' } };
    render(<App />);
    expect(screen.getByRole('alert').textContent).toMatch(/Przeglądarka nie pozwala zapisywać danych/);
  });

  it('has landmarks, one h1 and no axe violations', async () => {
    signIn(makeUnit(), makeOverview());
    fake.participants.value = loaded([anna, jan, zofia]);
    const { container } = render(<App />);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Menu główne' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(await axeViolations(container)).toEqual([]);
  });
});
