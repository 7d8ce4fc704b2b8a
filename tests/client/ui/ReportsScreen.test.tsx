// The reports screen: the monthly sheet (letters, closed days, totals, signature line; print, CSV,
// XLSX), the funder report in the shape of each kind of unit, a participant's year, the charts with
// their data table, and the administrators' export history; no axe violations. Over the real state
// layer: the sheets are computed from stored marks, files and their audit records are read back.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { daysInRange, isUnitOpen, type Unit } from '../../../src/domain';
import { setMeta } from '../../../src/client/storage/meta';
import { ReportsScreen } from '../../../src/client/ui/screens/reports/ReportsScreen';
import { startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { anna, jan, makeMark, makeUnit } from './fixtures';


const marks = [
  makeMark('p-anna', 'present', { day: '2026-11-02', id: 'dm:p-anna:2026-11-02', arrivalTime: '08:00', leaveTime: '13:30' }),
  makeMark('p-jan', 'absent', { day: '2026-11-02', id: 'dm:p-jan:2026-11-02', absenceReason: 'illness' }),
  makeMark('p-jan', 'absent', { day: '2026-11-03', id: 'dm:p-jan:2026-11-03', absenceReason: 'illness' }),
  makeMark('p-jan', 'excused', { day: '2026-11-04', id: 'dm:p-jan:2026-11-04', absenceReason: 'hospital' }),
  makeMark('p-anna', 'present', { day: '2026-10-05', id: 'dm:p-anna:2026-10-05', arrivalTime: null, leaveTime: null }),
];

/** Files the screen downloaded. */
let files: Blob[] = [];

/** A device with Anna and Jan and their autumn marks in a unit striking off after 3 days away. */
async function setUp(over: Partial<Unit> = {}, roles = ['coordinator']): Promise<AppFixture & { unit: Unit }> {
  const unit = makeUnit({ absenceLimitDays: 3, ...over });
  const fixture = await startFixture({ roles, records: { units: [unit], participants: [anna, jan], dayMarks: marks } });
  files = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    files.push(blob);
    return 'blob:file';
  });
  URL.revokeObjectURL = vi.fn();
  return { ...fixture, unit };
}

afterEach(() => stopFixture());

const view = async (name: string) => fireEvent.click(await screen.findByRole('button', { name }));
/** Waits until the month's sheet is on the screen. */
const findSheet = () => screen.findByRole('rowheader', { name: 'Kowalska Anna' });

describe('ReportsScreen: the monthly sheet', () => {
  it('shows the month’s sheet with letters, closed days, totals and a signature line', async () => {
    await setUp();
    const { container } = render(<ReportsScreen />);
    const annaRow = (await findSheet()).closest('tr')!;
    expect(screen.getByRole('heading', { name: /Lista obecności · WTZ „Przystań” · listopad 2026/ })).toBeTruthy();
    expect(within(annaRow).getAllByRole('cell').map((c) => c.textContent).slice(0, 3)).toEqual(['–', 'O', '']);
    const janRow = screen.getByRole('rowheader', { name: 'Nowak Jan' }).closest('tr')!;
    expect(within(janRow).getAllByRole('cell')[1]?.textContent).toBe('N');
    expect(screen.getByText(/Podpis kierownika placówki/)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('downloads CSV and XLSX and prints, each recorded as an export', async () => {
    const { db, transport, unit } = await setUp();
    // An export made offline earlier waits on the device: opening the screen sends it.
    const earlier = { exportId: 'e-0', atMs: Date.UTC(2026, 10, 20, 9), unitId: unit.id, report: 'mealMonth' as const, format: 'csv' as const, from: '2026-10-01', to: '2026-10-31', rows: 2 };
    await setMeta(db, 'pendingExports', [earlier]);
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    render(<ReportsScreen />);
    await waitFor(() => expect(transport.exports).toEqual([earlier]));
    await findSheet();
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz CSV (Excel)' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(await files[0]!.text()).toContain('Kowalska');
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz XLSX (Excel)' }));
    await waitFor(() => expect(files).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Drukuj' }));
    expect(print).toHaveBeenCalled();
    await waitFor(() => expect(transport.exports).toHaveLength(4));
    expect(transport.exports.slice(1).map((e) => [e.report, e.format, e.unitId, e.from, e.to, e.rows])).toEqual([
      ['monthlySheet', 'csv', unit.id, '2026-11-01', '2026-11-30', 2],
      ['monthlySheet', 'xlsx', unit.id, '2026-11-01', '2026-11-30', 2],
      ['monthlySheet', 'print', unit.id, '2026-11-01', '2026-11-30', 2],
    ]);
  });

  it('says when the export record waits for the network', async () => {
    const { transport } = await setUp();
    transport.down = true;
    render(<ReportsScreen />);
    await findSheet();
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz XLSX (Excel)' }));
    expect(await screen.findByText(/wyślę na serwer po odzyskaniu połączenia/)).toBeTruthy();
  });

  it('moves to the previous month', async () => {
    await setUp();
    render(<ReportsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Poprzedni miesiąc' }));
    expect(await screen.findByRole('heading', { name: /październik 2026/ })).toBeTruthy();
  });
});

describe('ReportsScreen: funder reports', () => {
  it('WTZ: attendance and hours per participant, and who reached the absence limit', async () => {
    await setUp();
    const { container } = render(<ReportsScreen />);
    await view('Sprawozdanie');
    expect(await screen.findByRole('heading', { name: /Sprawozdanie dla finansującego · WTZ „Przystań” · IV kwartał 2026/ })).toBeTruthy();
    const annaRow = (await screen.findByRole('rowheader', { name: 'Kowalska Anna' })).closest('tr')!;
    // Present 2 days: 5.5 h from the times on 2 November, and the planned 7 h on 5 October.
    expect(within(annaRow).getAllByRole('cell').slice(0, 2).map((c) => c.textContent)).toEqual(['2', '12,5']);
    expect(screen.getByText('Nieobecni co najmniej 3 dni roboczych z rzędu')).toBeTruthy();
    expect(screen.getByText('Nowak Jan — 3 dni')).toBeTruthy();
    expect(screen.getByText('2 osoby')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('exports the report as XLSX and chooses the period', async () => {
    const { transport, unit } = await setUp();
    render(<ReportsScreen />);
    await view('Sprawozdanie');
    await screen.findByRole('rowheader', { name: 'Kowalska Anna' });
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz XLSX (Excel)' }));
    await waitFor(() => expect(files).toHaveLength(1));
    await waitFor(() => expect(transport.exports.map((e) => [e.report, e.format, e.unitId, e.from, e.to, e.rows])).toEqual([
      ['periodReport', 'xlsx', unit.id, '2026-10-01', '2026-12-31', 2],
    ]));
    fireEvent.click(screen.getByRole('button', { name: 'Rok' }));
    expect(screen.getByRole('button', { name: 'Rok' }).getAttribute('aria-pressed')).toBe('true');
    expect(await screen.findByRole('heading', { name: /· 2026$/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Poprzedni okres' }));
    expect(await screen.findByRole('heading', { name: /· 2025$/ })).toBeTruthy();
  });

  it('Senior+: people served, person-days and meals', async () => {
    await setUp({ kind: 'seniorPlus', servesMeals: true });
    render(<ReportsScreen />);
    await view('Sprawozdanie');
    const figure = (name: string) => screen.getByText(name, { selector: 'dt' }).closest('div')!.querySelector('dd')!.textContent;
    await screen.findByText('Osoby objęte wsparciem (bez powtórzeń)', { selector: 'dt' });
    expect(figure('Osoby objęte wsparciem (bez powtórzeń)')).toBe('1');
    expect(figure('Osobodni (obecności)')).toBe('2');
    expect(figure('Wydane posiłki')).toBe('2');
    expect(screen.queryByText('Obecności i godziny uczestników')).toBeNull();
  });

  it('children’s day room: children and person-days', async () => {
    await setUp({ kind: 'childrenDayRoom', servesMeals: false });
    render(<ReportsScreen />);
    await view('Sprawozdanie');
    expect((await screen.findAllByText('Dzieci (bez powtórzeń)')).length).toBeGreaterThan(0);
    expect(screen.queryByText('Wydane posiłki')).toBeNull();
  });
});

describe('ReportsScreen: a participant and the charts', () => {
  it('shows a participant’s months, hours and absences by reason', async () => {
    await setUp();
    const { container } = render(<ReportsScreen />);
    await view('Uczestnik');
    await screen.findByRole('option', { name: /Nowak Jan|Jan Nowak/ });
    fireEvent.change(screen.getByLabelText('Uczestnik'), { target: { value: 'p-jan' } });
    // The year is not over on 23.11.2026: the summary says as of when.
    expect(await screen.findByRole('heading', { name: 'Podsumowanie uczestnika · Jan Nowak · 2026 · stan na 23.11.2026' })).toBeTruthy();
    const reasons = await screen.findByRole('table', { name: 'Nieobecności według przyczyny' });
    expect(within(reasons).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['choroba2', 'pobyt w szpitalu1']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('draws the month and the year with a summary and the data as a table', async () => {
    await setUp();
    const { container } = render(<ReportsScreen />);
    await view('Wykres');
    await screen.findByText(/najwięcej obecnych 1/);
    await waitFor(() => expect(screen.getAllByRole('img')).toHaveLength(2));
    const img = screen.getAllByRole('img');
    expect(img).toHaveLength(2);
    expect(screen.getByText(/najwięcej obecnych 1 \(02\.11\.2026\)/)).toBeTruthy();
    const table = screen.getByRole('table', { name: /Obecni w kolejnych dniach · listopad 2026/ });
    expect(within(table).getByRole('rowheader', { name: '11.11.2026' }).closest('tr')!.textContent).toContain('nieczynne');
    expect(await axeViolations(container)).toEqual([]);
  });
});

// Issue 13, point 3: on 7 December the December sheet said 25 % for someone present every day so far,
// and the quarter counted days and classes still to come. Seen as a user sees it.
describe('ReportsScreen: a period not over yet', () => {
  const TODAY = '2026-12-07';
  // Anna came every open day of the quarter so far (1 October – 7 December).
  const decMarks = daysInRange('2026-10-01', TODAY).filter((day) => isUnitOpen(makeUnit(), day))
    .map((day) => makeMark('p-anna', 'present', { day, id: `dm:p-anna:${day}` }));
  /** Monday 7.12.2026, 09:00 in Warsaw, on a device with Anna and her marks. */
  const setUpDecember = () => startFixture({ nowMs: Date.UTC(2026, 11, 7, 8), records: { units: [makeUnit()], participants: [anna], dayMarks: decMarks } });

  it('the sheet says "stan na 07.12.2026", gives 100 % and keeps the planned days apart', async () => {
    await setUpDecember();
    const { container } = render(<ReportsScreen />);
    const annaRow = (await findSheet()).closest('tr')!;
    expect(screen.getByRole('heading', { name: 'Lista obecności · WTZ „Przystań” · grudzień 2026 · stan na 07.12.2026' })).toBeTruthy();
    const cells = within(annaRow).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(-5)).toEqual(['5', '0', '0', '5', '100 %']);
    const titles = screen.getAllByRole('columnheader').map((c) => c.getAttribute('title')).filter((x) => x?.startsWith('0'));
    expect(titles[0]).toBe('08.12.2026: dzień jeszcze nie nastąpił, nie jest liczony');
    expect(screen.getByText(/Dni otwarcia: 5\./)).toBeTruthy();
    expect(screen.getByText('Do końca okresu zaplanowano jeszcze 16 dni otwarcia — nie są wliczone do liczb powyżej.')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('the funder report counts the open days so far, as of today', async () => {
    await setUpDecember();
    render(<ReportsScreen />);
    await view('Sprawozdanie');
    expect(await screen.findByRole('heading', { name: /IV kwartał 2026 · stan na 07\.12\.2026$/ })).toBeTruthy();
    await screen.findByText('Dni otwarcia', { selector: 'dt' });
    const figure = (name: string) => screen.getByText(name, { selector: 'dt' }).closest('div')!.querySelector('dd')!.textContent;
    expect(figure('Dni otwarcia')).toBe('47');
    const annaRow = (await screen.findByRole('rowheader', { name: 'Kowalska Anna' })).closest('tr')!;
    expect(within(annaRow).getAllByRole('cell')[5]!.textContent).toBe('100 %');
  });

  it('the month chart averages over the days so far', async () => {
    await setUpDecember();
    render(<ReportsScreen />);
    await view('Wykres');
    expect(await screen.findByText(/średnio 1 na dzień otwarcia/)).toBeTruthy();
    expect(screen.getAllByText(/stan na 07\.12\.2026/).length).toBeGreaterThan(0);
  });
});

describe('ReportsScreen: export history', () => {
  it('is shown to administrators only', async () => {
    await setUp();
    const { unmount } = render(<ReportsScreen />);
    await findSheet();
    expect(screen.queryByRole('heading', { name: 'Historia eksportów' })).toBeNull();
    unmount();
    const { transport, unit } = await setUp({}, ['administrator']);
    transport.exportLogAnswer = { exports: [{
      exportId: 'e1', unitId: unit.id, report: 'monthlySheet', format: 'xlsx', from: '2026-11-01', to: '2026-11-30', rows: 2,
      receivedAtMs: Date.UTC(2026, 10, 20, 10), deviceAtMs: Date.UTC(2026, 10, 20, 10), user: 'Ewa Lis', device: 'Tablet biuro',
    }] };
    render(<ReportsScreen />);
    await findSheet();
    fireEvent.click(screen.getByRole('button', { name: 'Pokaż historię eksportów' }));
    const row = (await screen.findByText('Ewa Lis (Tablet biuro)')).closest('tr')!;
    await waitFor(() => expect(row.textContent).toContain('lista obecności · WTZ „Przystań”'));
    expect(row.textContent).toContain('01.11.2026 – 30.11.2026');
  });
});
