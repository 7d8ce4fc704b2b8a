// Senior homes and clubs after Senior+ (issue 19, point 4), as a coordinator sees them: the funder
// report names the programme of the year ("Aktywni Seniorzy – ASY" from 2026, M.P. 2025 poz. 1255;
// Senior+ until 2025) with places × months and the grant; the week plan checks the 8-hour offer of a
// day home and not of a club; dementia prevention is a category of its own. No axe violations.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Unit } from '../../../src/domain';
import { periodReport } from '../../../src/domain/rules/reports';
import { ReportsScreen } from '../../../src/client/ui/screens/reports/ReportsScreen';
import { WeekPlanScreen } from '../../../src/client/ui/screens/plan/WeekPlanScreen';
import { axeViolations } from './axe';
import { fake, loaded, resetFake, signIn } from './fake-state';
import { anna, makeMark, makeRecurring, makeUnit } from './fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/reports', async () => (await import('./fake-state')).fakeReportingModule());
vi.mock('../../../src/client/state/register', async () => (await import('./fake-state')).fakeRegistryModule());
vi.mock('../../../src/client/state/meals', async () => (await import('./fake-state')).fakeKitchenModule());
vi.mock('../../../src/client/state/transport', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/transport/routes', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/attendance', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/admin', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/plan', async () => (await import('./fake-state')).fakePlannerModule());

const EIGHT = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' }));
const memory = makeRecurring({ id: 'a-mem', title: 'Trening pamięci', category: 'dementiaPrevention', weekdays: [1, 3], validFrom: '2026-01-01', startTime: '13:30', endTime: '14:30' });

function setUpReport(over: Partial<Unit>, month: string) {
  const unit = makeUnit({ name: 'Pogodna Jesień', seats: 25, openingHours: EIGHT, ...over });
  signIn(unit);
  fake.today.value = '2027-01-15';
  const marks = [makeMark('p-anna', 'present', { day: `${month}-05`, id: `dm:p-anna:${month}-05` })];
  const input = { unit, participants: [anna], marks, notices: [], activities: [memory], sessions: [] };
  fake.report.value = loaded(periodReport(input, { kind: 'year', month }, '2027-01-15'));
  return unit;
}

// Polish groups thousands with a no-break space.
const figure = (name: string) => screen.getByText(name, { selector: 'dt' }).closest('div')!.querySelector('dd')!.textContent!.replace(/\s/g, ' ');

beforeEach(() => resetFake());
afterEach(() => cleanup());

describe('the funder report of a senior unit', () => {
  it('a "Dzienny Dom Aktywny Senior" in 2026: ASY, 25 places × 12 months × 400 zł = 120 000 zł', async () => {
    setUpReport({ kind: 'activeSeniorHome' }, '2026-10');
    const { container } = render(<ReportsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Sprawozdanie' }));
    expect(screen.getByText(/Dzienny Dom Aktywny Senior/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Finansowanie w roku 2026' })).toBeTruthy();
    expect(screen.getByText(/Program „Aktywni Seniorzy – ASY” \(M\.P\. 2025 poz\. 1255\)/)).toBeTruthy();
    expect(figure('Miejsca × miesiące')).toBe('300');
    expect(figure('Stawka na miejsce miesięcznie')).toBe('400 zł');
    expect(figure('Dotacja (miejsca × miesiące × stawka)')).toBe('120 000 zł');
    expect(screen.getByRole('rowheader', { name: 'profilaktyka otępienna' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a "Klub Aktywny Senior" in 2026 gets 200 zł a place', () => {
    setUpReport({ kind: 'activeSeniorClub', seats: 20 }, '2026-10');
    render(<ReportsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Sprawozdanie' }));
    expect(figure('Dotacja (miejsca × miesiące × stawka)')).toBe('48 000 zł');
  });

  it('a Senior+ home in 2025 names Senior+ and leaves the amount to the contract', () => {
    setUpReport({ kind: 'seniorPlus' }, '2025-10');
    render(<ReportsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Sprawozdanie' }));
    expect(screen.getByText(/Program wieloletni „Senior\+” na lata 2021–2025/)).toBeTruthy();
    expect(screen.queryByText('Dotacja (miejsca × miesiące × stawka)')).toBeNull();
    expect(screen.getByText(/określa umowa na dany rok/)).toBeTruthy();
  });

  it('a WTZ report has no programme section', () => {
    setUpReport({ kind: 'wtz' }, '2026-10');
    render(<ReportsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Sprawozdanie' }));
    expect(screen.queryByText(/Finansowanie w roku/)).toBeNull();
  });
});

describe('the 8-hour check on the week plan', () => {
  const SHORT = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '10:00', close: '14:00' }));
  function setUpPlan(over: Partial<Unit>) {
    signIn(makeUnit({ openingHours: SHORT, ...over }));
    fake.today.value = '2026-11-23';
    fake.participants.value = loaded([anna]);
    fake.activities.value = loaded([memory]);
  }

  it('a "Dzienny Dom Aktywny Senior" open 4 hours is warned', () => {
    setUpPlan({ kind: 'activeSeniorHome' });
    render(<WeekPlanScreen />);
    expect(screen.getByText(/Dzienny Dom Aktywny Senior: program wymaga oferty co najmniej 8 godzin/)).toBeTruthy();
  });

  it('a "Klub Aktywny Senior" open 4 hours is not: clubs have no 8-hour rule', () => {
    setUpPlan({ kind: 'activeSeniorClub' });
    render(<WeekPlanScreen />);
    expect(screen.getAllByText('Trening pamięci').length).toBeGreaterThan(0);
    expect(screen.queryByText(/co najmniej 8 godzin/)).toBeNull();
  });
});
