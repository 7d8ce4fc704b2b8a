// Senior homes and clubs after Senior+ (issue 19, point 4), as a coordinator sees them: the funder
// report names the programme of the year ("Aktywni Seniorzy – ASY" from 2026, M.P. 2025 poz. 1255;
// Senior+ until 2025) with places × months and the grant; the week plan checks the 8-hour offer of a
// day home and not of a club; dementia prevention is a category of its own. No axe violations.
import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../../src/domain';
import { ReportsScreen } from '../../../src/client/ui/screens/reports/ReportsScreen';
import { WeekPlanScreen } from '../../../src/client/ui/screens/plan/WeekPlanScreen';
import { startFixture, stopFixture } from './app-fixture';
import { axeViolations } from './axe';
import { anna, makeMark, makeRecurring, makeUnit } from './fixtures';

const EIGHT = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' }));
const memory = makeRecurring({ id: 'a-mem', title: 'Trening pamięci', category: 'dementiaPrevention', weekdays: [1, 3], validFrom: '2026-01-01', startTime: '13:30', endTime: '14:30' });

/** On 15.01.2027, a unit with Anna present on the 5th of `month` and the memory training. */
async function setUpReport(over: Partial<Unit>, month: string): Promise<Unit> {
  const unit = makeUnit({ name: 'Pogodna Jesień', seats: 25, openingHours: EIGHT, ...over });
  const marks = [makeMark('p-anna', 'present', { day: `${month}-05`, id: `dm:p-anna:${month}-05` })];
  await startFixture({ nowMs: Date.UTC(2027, 0, 15, 8), records: { units: [unit], participants: [anna], dayMarks: marks, activities: [memory] } });
  return unit;
}

/** Opens the funder report of the whole year `year` (a year or two before 2027). */
async function openFunderYear(year: number): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Sprawozdanie' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Rok' }));
  await screen.findByRole('heading', { name: /· 2027$/ });
  for (let y = 2027; y > year; y -= 1) {
    fireEvent.click(screen.getByRole('button', { name: 'Poprzedni okres' }));
    await screen.findByRole('heading', { name: new RegExp(`· ${y - 1}$`) });
  }
}

// Polish groups thousands with a no-break space.
const figure = (name: string) => screen.getByText(name, { selector: 'dt' }).closest('div')!.querySelector('dd')!.textContent!.replace(/\s/g, ' ');

afterEach(() => stopFixture());

describe('the funder report of a senior unit', () => {
  it('a "Dzienny Dom Aktywny Senior" in 2026: ASY, 25 places × 12 months × 400 zł = 120 000 zł', async () => {
    await setUpReport({ kind: 'activeSeniorHome' }, '2026-10');
    const { container } = render(<ReportsScreen />);
    await openFunderYear(2026);
    expect(await screen.findByText(/Dzienny Dom Aktywny Senior/)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Finansowanie w roku 2026' })).toBeTruthy();
    expect(screen.getByText(/Program „Aktywni Seniorzy – ASY” \(M\.P\. 2025 poz\. 1255\)/)).toBeTruthy();
    expect(figure('Miejsca × miesiące')).toBe('300');
    expect(figure('Stawka na miejsce miesięcznie')).toBe('400 zł');
    expect(figure('Dotacja (miejsca × miesiące × stawka)')).toBe('120 000 zł');
    expect(screen.getByRole('rowheader', { name: 'profilaktyka otępienna' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a "Klub Aktywny Senior" in 2026 gets 200 zł a place', async () => {
    await setUpReport({ kind: 'activeSeniorClub', seats: 20 }, '2026-10');
    render(<ReportsScreen />);
    await openFunderYear(2026);
    await screen.findByText('Dotacja (miejsca × miesiące × stawka)');
    expect(figure('Dotacja (miejsca × miesiące × stawka)')).toBe('48 000 zł');
  });

  it('a Senior+ home in 2025 names Senior+ and leaves the amount to the contract', async () => {
    await setUpReport({ kind: 'seniorPlus' }, '2025-10');
    render(<ReportsScreen />);
    await openFunderYear(2025);
    expect(await screen.findByText(/Program wieloletni „Senior\+” na lata 2021–2025/)).toBeTruthy();
    expect(screen.queryByText('Dotacja (miejsca × miesiące × stawka)')).toBeNull();
    expect(screen.getByText(/określa umowa na dany rok/)).toBeTruthy();
  });

  it('a WTZ report has no programme section', async () => {
    await setUpReport({ kind: 'wtz' }, '2026-10');
    render(<ReportsScreen />);
    await openFunderYear(2026);
    await screen.findByRole('rowheader', { name: 'Kowalska Anna' });
    expect(screen.queryByText(/Finansowanie w roku/)).toBeNull();
  });
});

describe('the 8-hour check on the week plan', () => {
  const SHORT = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '10:00', close: '14:00' }));
  /** Monday 23.11.2026 in a unit open 10–14 with Anna and the memory training. */
  async function setUpPlan(over: Partial<Unit>): Promise<void> {
    await startFixture({ records: { units: [makeUnit({ openingHours: SHORT, ...over })], participants: [anna], activities: [memory] } });
  }

  it('a "Dzienny Dom Aktywny Senior" open 4 hours is warned', async () => {
    await setUpPlan({ kind: 'activeSeniorHome' });
    render(<WeekPlanScreen />);
    expect(await screen.findByText(/Dzienny Dom Aktywny Senior: program wymaga oferty co najmniej 8 godzin/)).toBeTruthy();
  });

  it('a "Klub Aktywny Senior" open 4 hours is not: clubs have no 8-hour rule', async () => {
    await setUpPlan({ kind: 'activeSeniorClub' });
    render(<WeekPlanScreen />);
    expect((await screen.findAllByText('Trening pamięci')).length).toBeGreaterThan(0);
    expect(screen.queryByText(/co najmniej 8 godzin/)).toBeNull();
  });
});
