// The Today screen inside the signed-in shell, over the real state layer and a device database:
// long Polish date, counts, classes, reminders naming each person with correct plurals, notices,
// meals, closed-day notices, and no axe violations.
import { render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { startFixture, stopFixture } from './app-fixture';
import { axeViolations } from './axe';
import { anna, makeMark, makeParticipant, makeUnit, mondayRecords } from './fixtures';

beforeEach(() => navigate('/'));
afterEach(() => stopFixture());

const tile = (label: string) => screen.getByText(label, { selector: '.tile__label' }).closest('li') as HTMLElement;
const findTile = async (label: string) => (await screen.findByText(label, { selector: '.tile__label' })).closest('li') as HTMLElement;

describe('Today screen', () => {
  it('shows the long Polish date and the current unit', async () => {
    await startFixture({ records: mondayRecords() });
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('poniedziałek, 23 listopada 2026');
    expect(await screen.findByText('Placówka: WTZ „Przystań”')).toBeTruthy();
  });

  it('shows the five counts from the day’s marks', async () => {
    // 27 expected: 19 present, 2 absent, 4 excused, 2 not marked yet.
    const people = Array.from({ length: 27 }, (_, i) => makeParticipant({ id: `p-${String(i).padStart(2, '0')}`, firstName: 'Osoba', lastName: `Numer${i}` }));
    const status = (i: number): 'present' | 'absent' | 'excused' => (i < 19 ? 'present' : i < 21 ? 'absent' : 'excused');
    const marks = people.slice(0, 25).map((p, i) => makeMark(p.id, status(i)));
    await startFixture({ records: { units: [makeUnit()], participants: people, dayMarks: marks } });
    render(<App />);
    expect((await findTile('Oczekiwani')).textContent).toBe('27Oczekiwani');
    expect(tile('Obecni').textContent).toBe('19Obecni');
    expect(tile('Nieobecni').textContent).toBe('2Nieobecni');
    expect(tile('Usprawiedliwieni').textContent).toBe('4Usprawiedliwieni');
    expect(tile('Nieoznaczeni').textContent).toBe('2Nieoznaczeni');
  });

  it('lists reminders, each naming the person, with Polish plurals', async () => {
    await startFixture({ records: mondayRecords() });
    render(<App />);
    const reminders = within(await screen.findByRole('region', { name: 'Przypomnienia' }));
    const items = reminders.getAllByRole('listitem').map((li) => li.textContent);
    // Long absences first, then the rest in Polish name order.
    expect(items).toEqual([
      'Zofia WiśniewskaNieobecność: 5 dni roboczych z rzędu',
      'Anna KowalskaOrzeczenie o niepełnosprawności ważne do 18.12.2026',
      'Jan NowakUrodziny — kończy 42 lata',
    ]);
  });

  it('lists today’s classes with time, room and staff, and who reported an absence', async () => {
    await startFixture({ records: mondayRecords() });
    render(<App />);
    const sessions = within(await screen.findByRole('region', { name: 'Zajęcia dzisiaj' }));
    expect(sessions.getByText('09:00–10:30')).toBeTruthy();
    expect(sessions.getByText('Pracownia stolarska')).toBeTruthy();
    expect(sessions.getByText('Sala: Sala 2')).toBeTruthy();
    expect(sessions.getByText('Prowadzi: Ewa Lis')).toBeTruthy();
    const notices = within(screen.getByRole('region', { name: 'Zgłoszone nieobecności' }));
    expect(await notices.findByText('Anna Kowalska')).toBeTruthy();
    expect(notices.getByText(/choroba, do 25.11.2026/)).toBeTruthy();
    expect(screen.getByText('Dziś do wydania: 2 posiłki')).toBeTruthy();
  });

  it('says when the centre is closed for a public holiday', async () => {
    await startFixture({ records: mondayRecords(), nowMs: Date.UTC(2026, 10, 11, 7, 42) });
    render(<App />);
    expect(await screen.findByText('Dziś jest święto: Narodowe Święto Niepodległości. Placówka jest nieczynna.')).toBeTruthy();
  });

  it('says so when the unit has no participants yet, and not otherwise', async () => {
    const fixture = await startFixture({ records: { units: [makeUnit()] } });
    const { unmount } = render(<App />);
    expect(await screen.findByText('W tej placówce nie ma jeszcze uczestników, więc nikt nie jest dziś oczekiwany.')).toBeTruthy();
    expect(await screen.findByText('Na dziś nie zaplanowano zajęć.')).toBeTruthy();
    expect(tile('Oczekiwani').textContent).toBe('0Oczekiwani');
    unmount();
    await fixture.seed({ participants: [anna] });
    render(<App />);
    expect((await findTile('Oczekiwani')).textContent).toBe('1Oczekiwani');
    expect(screen.queryByText(/nie ma jeszcze uczestników/)).toBeNull();
  });

  it('has no meals card when the unit serves no meals', async () => {
    await startFixture({ records: mondayRecords({ servesMeals: false }) });
    render(<App />);
    await findTile('Oczekiwani');
    expect(screen.queryByRole('region', { name: 'Posiłki' })).toBeNull();
  });

  it('shows loading and errors explicitly', async () => {
    const fixture = await startFixture({ records: mondayRecords() });
    const { unmount } = render(<App />);
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Wczytywanie…')).toBe(true);
    await findTile('Oczekiwani');
    unmount();
    // A stored class this version cannot read (no times): the overview says so instead of staying empty.
    await fixture.db.entity('activities').put({ id: 'a-broken', unitId: 'unit-1' } as never);
    render(<App />);
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toMatch(/Coś poszło nie tak/));
  });

  it('has landmarks, one h1 and no axe violations', async () => {
    await startFixture({ records: mondayRecords() });
    const { container } = render(<App />);
    await screen.findByRole('region', { name: 'Zgłoszone nieobecności' });
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Menu główne' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(await axeViolations(container)).toEqual([]);
  });
});
