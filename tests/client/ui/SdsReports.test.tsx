// The ŚDS documents of § 24 of its regulation (Dz.U. 2020 poz. 249) and its yearly MPiPS-05 figures
// (issue 19, point 2), as a coordinator sees them: the monthly attendance list names its basis on the
// screen and in the XLSX; the participant register lists absences longer than two weeks with their
// reasons (print, XLSX); the MPiPS-05 figures copy to the clipboard; the week plan checks 8 hours on
// 5 days and 6 hours of classes. No axe violations.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { daysInRange, isUnitOpen, type Unit } from '../../../src/domain';
import { mpips05Figures, sdsRegister, SDS_REGISTER_BASIS_PL } from '../../../src/domain/rules/kinds/sds';
import { monthlySheet, periodReport } from '../../../src/domain/rules/reports';
import { ReportsScreen } from '../../../src/client/ui/screens/reports/ReportsScreen';
import { WeekPlanScreen } from '../../../src/client/ui/screens/plan/WeekPlanScreen';
import { axeViolations } from './axe';
import { actions, fake, loaded, resetFake, signIn } from './fake-state';
import { anna, jan, makeMark, makeParticipant, makeRecurring, makeUnit } from './fixtures';

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
const sds = makeUnit({ name: 'ŚDS „Przystań”', kind: 'selfHelpHome', openingHours: EIGHT, seats: 30 });
// Jan was ill from 2 to 20 November (19 days, the 11th a holiday); Anna (PESEL of a woman) came.
const janIll = daysInRange('2026-11-02', '2026-11-20').filter((d) => isUnitOpen(sds, d))
  .map((day) => makeMark('p-jan', 'absent', { day, id: `dm:p-jan:${day}` }));
const annaW = makeParticipant({ id: 'p-anna', firstName: 'Anna', lastName: 'Kowalska', pesel: '80061512340' });
const marks = [...janIll, makeMark('p-anna', 'present', { day: '2026-11-02', id: 'dm:p-anna:2026-11-02' })];

function setUp(unit: Unit = sds) {
  signIn(unit);
  fake.today.value = '2027-01-15';
  fake.sheet.value = loaded(monthlySheet(unit, [annaW, jan], marks, [], '2026-11', '2027-01-15'));
  const input = { unit, participants: [annaW, jan], marks, notices: [], activities: [], sessions: [] };
  const report = periodReport(input, { kind: 'year', month: '2026-11' }, '2027-01-15');
  fake.sdsYear.value = loaded({ report, register: sdsRegister(report, marks, []), figures: mpips05Figures(report, [annaW, jan]) });
  URL.createObjectURL = vi.fn(() => 'blob:file');
  URL.revokeObjectURL = vi.fn();
}

const view = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const figure = (name: string) => screen.getByText(name, { selector: 'dt' }).closest('div')!.querySelector('dd')!.textContent;

beforeEach(() => resetFake());
afterEach(() => cleanup());

describe('ŚDS: the monthly attendance list of § 24', () => {
  it('names its basis and exports it with the basis in the XLSX', async () => {
    setUp();
    const { container } = render(<ReportsScreen />);
    expect(screen.getByText(/Lista obecności uczestników ŚDS: dni miesiąca z zaznaczeniem obecności lub nieobecności \(§ 24/)).toBeTruthy();
    const janRow = screen.getByRole('rowheader', { name: 'Nowak Jan' }).closest('tr')!;
    expect(within(janRow).getAllByRole('cell')[1]?.textContent).toBe('N');
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz XLSX (Excel)' }));
    expect(actions.exportMonthlySheet).toHaveBeenLastCalledWith(fake.sheet.value.data, sds.name, 'xlsx', SDS_REGISTER_BASIS_PL);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a WTZ list has no ŚDS basis and no ŚDS view', () => {
    setUp(makeUnit());
    render(<ReportsScreen />);
    expect(screen.queryByText(/Lista obecności uczestników ŚDS/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ewidencja ŚDS i MPiPS-05' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz XLSX (Excel)' }));
    expect(actions.exportMonthlySheet).toHaveBeenLastCalledWith(fake.sheet.value.data, 'WTZ „Przystań”', 'xlsx');
  });
});

describe('ŚDS: the participant register and the MPiPS-05 figures', () => {
  it('lists each absence longer than two weeks with its reason, prints and exports', async () => {
    setUp();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { container } = render(<ReportsScreen />);
    view('Ewidencja ŚDS i MPiPS-05');
    expect(screen.getByRole('heading', { name: 'Ewidencja uczestników ŚDS · ŚDS „Przystań” · 2027' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Poprzedni rok' }));
    expect(screen.getByRole('heading', { name: 'Ewidencja uczestników ŚDS · ŚDS „Przystań” · 2026' })).toBeTruthy();
    const janRow = screen.getByRole('rowheader', { name: 'Nowak Jan' }).closest('tr')!;
    expect(janRow.textContent).toContain('02.11.2026 – 20.11.2026 (19 dni): choroba');
    const annaRow = screen.getByRole('rowheader', { name: 'Kowalska Anna' }).closest('tr')!;
    expect(within(annaRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['12.05.1980', 'ul. Morska 10, 81-001 Gdynia', '01.09.2020', 'brak']);
    fireEvent.click(screen.getByRole('button', { name: 'Drukuj' }));
    expect(print).toHaveBeenCalled();
    expect(actions.recordPrint).toHaveBeenCalledWith('sdsRegister', sds.id, '2026-01-01', '2026-12-31', 2);
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz XLSX (Excel)' }));
    expect(actions.exportSdsRegister).toHaveBeenCalledWith(fake.sdsYear.value.data, sds.name);
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    expect(await axeViolations(container)).toEqual([]);
  });

  it('gives the MPiPS-05 figures and copies them', async () => {
    setUp();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<ReportsScreen />);
    view('Ewidencja ŚDS i MPiPS-05');
    expect(figure('Liczba miejsc')).toBe('30');
    expect(figure('Osoby, które skorzystały (obecne co najmniej raz)')).toBe('1');
    expect(figure('w tym kobiety')).toBe('1');
    expect(figure('Osobodni (obecności)')).toBe('1');
    fireEvent.click(screen.getByRole('button', { name: 'Kopiuj dane do schowka' }));
    expect(await screen.findByText('Skopiowano — wklej do formularza lub arkusza.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('Liczba miejsc\t30\nUczestnicy w ewidencji w ciągu roku\t2'));
  });
});

describe('ŚDS: the opening-hours standard on the week plan', () => {
  function setUpPlan(unit: Unit, start: string, end: string) {
    signIn(unit);
    fake.today.value = '2026-11-23';
    fake.participants.value = loaded([anna]);
    fake.activities.value = loaded([makeRecurring({ id: 'a-tr', title: 'Trening umiejętności', weekdays: [1, 2, 3, 4, 5], startTime: start, endTime: end })]);
  }

  it('six hours of classes a day in a home open 8 hours passes', () => {
    setUpPlan(sds, '09:00', '15:00');
    render(<WeekPlanScreen />);
    expect(screen.getByText(/ŚDS: placówka jest otwarta co najmniej 8 godzin przez 5 dni/)).toBeTruthy();
  });

  it('four hours of classes are flagged day by day; 7 hours open is too short', () => {
    setUpPlan(makeUnit({ ...sds, openingHours: EIGHT.map((h) => ({ ...h, close: '15:00' })) }), '09:00', '13:00');
    render(<WeekPlanScreen />);
    const callout = screen.getByText(/ŚDS: rozporządzenie \(Dz\.U\. 2020 poz\. 249\) wymaga/).closest('.callout')!;
    expect(callout.textContent).toContain('Otwarte co najmniej 8 godzin: 0 dni w tygodniu');
    expect(callout.textContent).toContain('Piątek: 7 h');
    expect(callout.textContent).toContain('23.11.2026: 4 h zajęć');
  });
});
