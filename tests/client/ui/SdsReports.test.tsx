// The ŚDS documents of § 24 of its regulation (Dz.U. 2020 poz. 249) and its yearly MPiPS-05 figures
// (issue 19, point 2), as a coordinator sees them: the monthly attendance list names its basis on the
// screen and in the XLSX; the participant register lists absences longer than two weeks with their
// reasons (print, XLSX); the MPiPS-05 figures copy to the clipboard; the week plan checks 8 hours on
// 5 days and 6 hours of classes. No axe violations.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { daysInRange, isUnitOpen, type Unit } from '../../../src/domain';
import { SDS_REGISTER_BASIS_PL } from '../../../src/domain/rules/kinds/sds';
import { ReportsScreen } from '../../../src/client/ui/screens/reports/ReportsScreen';
import { WeekPlanScreen } from '../../../src/client/ui/screens/plan/WeekPlanScreen';
import { MONDAY_0842, startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { anna, jan, makeMark, makeParticipant, makeRecurring, makeUnit } from './fixtures';

const EIGHT = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' }));
const sds = makeUnit({ name: 'ŚDS „Przystań”', kind: 'selfHelpHome', openingHours: EIGHT, seats: 30 });
// Jan was ill from 2 to 20 November (19 days, the 11th a holiday); Anna (PESEL of a woman) came.
const janIll = daysInRange('2026-11-02', '2026-11-20').filter((d) => isUnitOpen(sds, d))
  .map((day) => makeMark('p-jan', 'absent', { day, id: `dm:p-jan:${day}` }));
const annaW = makeParticipant({ id: 'p-anna', firstName: 'Anna', lastName: 'Kowalska', pesel: '80061512340' });
const marks = [...janIll, makeMark('p-anna', 'present', { day: '2026-11-02', id: 'dm:p-anna:2026-11-02' })];

/** Files the screen downloaded. */
let files: Blob[] = [];

/** A device with Anna and Jan and their November marks, on Monday 23.11.2026 unless told. */
async function setUp(unit: Unit = sds, nowMs = MONDAY_0842): Promise<AppFixture> {
  const fixture = await startFixture({ nowMs, records: { units: [unit], participants: [annaW, jan], dayMarks: marks } });
  files = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    files.push(blob);
    return 'blob:file';
  });
  URL.revokeObjectURL = vi.fn();
  return fixture;
}

/** Friday 15.01.2027: the register opens on 2027. */
const JANUARY_2027 = Date.UTC(2027, 0, 15, 8);

/** The shared strings (the cell texts) of a downloaded XLSX file. */
const xlsxTexts = async (blob: Blob) => strFromU8(unzipSync(new Uint8Array(await blob.arrayBuffer()))['xl/sharedStrings.xml']!);

const view = async (name: string) => fireEvent.click(await screen.findByRole('button', { name }));
const figure = (name: string) => screen.getByText(name, { selector: 'dt' }).closest('div')!.querySelector('dd')!.textContent;

afterEach(() => stopFixture());

describe('ŚDS: the monthly attendance list of § 24', () => {
  it('names its basis and exports it with the basis in the XLSX', async () => {
    await setUp();
    const { container } = render(<ReportsScreen />);
    await screen.findByRole('rowheader', { name: 'Nowak Jan' });
    expect(screen.getByText(/Lista obecności uczestników ŚDS: dni miesiąca z zaznaczeniem obecności lub nieobecności \(§ 24/)).toBeTruthy();
    const janRow = screen.getByRole('rowheader', { name: 'Nowak Jan' }).closest('tr')!;
    expect(within(janRow).getAllByRole('cell')[1]?.textContent).toBe('N');
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz XLSX (Excel)' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const texts = await xlsxTexts(files[0]!);
    expect(texts).toContain(SDS_REGISTER_BASIS_PL);
    expect(texts).toContain('Nowak');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a WTZ list has no ŚDS basis and no ŚDS view', async () => {
    await setUp(makeUnit());
    render(<ReportsScreen />);
    await screen.findByRole('rowheader', { name: 'Nowak Jan' });
    expect(screen.queryByText(/Lista obecności uczestników ŚDS/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ewidencja ŚDS i MPiPS-05' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz XLSX (Excel)' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const texts = await xlsxTexts(files[0]!);
    expect(texts).toContain('WTZ „Przystań”');
    expect(texts).not.toContain('§ 24');
  });
});

describe('ŚDS: the participant register and the MPiPS-05 figures', () => {
  it('lists each absence longer than two weeks with its reason, prints and exports', async () => {
    const { transport } = await setUp(sds, JANUARY_2027);
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { container } = render(<ReportsScreen />);
    await view('Ewidencja ŚDS i MPiPS-05');
    expect(await screen.findByRole('heading', { name: 'Ewidencja uczestników ŚDS · ŚDS „Przystań” · 2027' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Poprzedni rok' }));
    expect(await screen.findByRole('heading', { name: 'Ewidencja uczestników ŚDS · ŚDS „Przystań” · 2026' })).toBeTruthy();
    const janRow = (await screen.findByRole('rowheader', { name: 'Nowak Jan' })).closest('tr')!;
    expect(janRow.textContent).toContain('02.11.2026 – 20.11.2026 (19 dni): choroba');
    const annaRow = screen.getByRole('rowheader', { name: 'Kowalska Anna' }).closest('tr')!;
    expect(within(annaRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['12.05.1980', 'ul. Morska 10, 81-001 Gdynia', '01.09.2020', 'brak']);
    fireEvent.click(screen.getByRole('button', { name: 'Drukuj' }));
    expect(print).toHaveBeenCalled();
    await waitFor(() => expect(transport.exports).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz XLSX (Excel)' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(await xlsxTexts(files[0]!)).toContain('choroba');
    await waitFor(() => expect(transport.exports).toHaveLength(2));
    expect(transport.exports.map((e) => [e.report, e.format, e.unitId, e.from, e.to, e.rows])).toEqual([
      ['sdsRegister', 'print', sds.id, '2026-01-01', '2026-12-31', 2],
      ['sdsRegister', 'xlsx', sds.id, '2026-01-01', '2026-12-31', 2],
    ]);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('gives the MPiPS-05 figures and copies them', async () => {
    await setUp();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<ReportsScreen />);
    await view('Ewidencja ŚDS i MPiPS-05');
    await screen.findByText('Liczba miejsc', { selector: 'dt' });
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
  /** Monday 23.11.2026 with Anna and a daily class from `start` to `end`. */
  async function setUpPlan(unit: Unit, start: string, end: string): Promise<void> {
    const training = makeRecurring({ id: 'a-tr', title: 'Trening umiejętności', weekdays: [1, 2, 3, 4, 5], startTime: start, endTime: end });
    await startFixture({ records: { units: [unit], participants: [anna], activities: [training] } });
  }

  it('six hours of classes a day in a home open 8 hours passes', async () => {
    await setUpPlan(sds, '09:00', '15:00');
    render(<WeekPlanScreen />);
    expect(await screen.findByText(/ŚDS: placówka jest otwarta co najmniej 8 godzin przez 5 dni/)).toBeTruthy();
  });

  it('four hours of classes are flagged day by day; 7 hours open is too short', async () => {
    await setUpPlan(makeUnit({ ...sds, openingHours: EIGHT.map((h) => ({ ...h, close: '15:00' })) }), '09:00', '13:00');
    render(<WeekPlanScreen />);
    const callout = (await screen.findByText(/ŚDS: rozporządzenie \(Dz\.U\. 2020 poz\. 249\) wymaga/)).closest('.callout')!;
    expect(callout.textContent).toContain('Otwarte co najmniej 8 godzin: 0 dni w tygodniu');
    expect(callout.textContent).toContain('Piątek: 7 h');
    expect(callout.textContent).toContain('23.11.2026: 4 h zajęć');
  });
});
