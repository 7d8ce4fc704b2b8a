// The WTZ annual report to the county (issue 19, point 3; § 21 of Dz.U. 2021 poz. 2284, due by
// 1 March), as the head of a workshop sees it: participants with their degrees, attendance month by
// month, who left and why, "brak danych" for progress and the council's decisions; print and XLSX
// recorded in the audit log; only a WTZ has it. No axe violations.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { daysInRange, isUnitOpen, type Unit } from '../../../src/domain';
import { ReportsScreen } from '../../../src/client/ui/screens/reports/ReportsScreen';
import { startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { makeMark, makeParticipant, makeUnit } from './fixtures';

const wtz = makeUnit({ seats: 30 });
const anna = makeParticipant({ id: 'p-anna', firstName: 'Anna', lastName: 'Kowalska', disabilityCertificate: { degree: 'moderate', validUntil: null } });
const jan = makeParticipant({ id: 'p-jan', firstName: 'Jan', lastName: 'Nowak', disabilityCertificate: { degree: 'severe', validUntil: null },
  dischargeDate: '2026-06-30', dischargeReason: 'podjęcie pracy', status: 'discharged' });
const marks = daysInRange('2026-03-01', '2026-03-31').filter((d) => isUnitOpen(wtz, d))
  .map((day) => makeMark('p-anna', 'present', { day, id: `dm:p-anna:${day}` }));

/** Files the screen downloaded. */
let files: Blob[] = [];

/** A device on Friday 15.01.2027 with Anna, Jan (left in June) and Anna's March marks. */
async function setUp(unit: Unit = wtz): Promise<AppFixture> {
  const fixture = await startFixture({ nowMs: Date.UTC(2027, 0, 15, 8), records: { units: [unit], participants: [anna, jan], dayMarks: marks } });
  files = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    files.push(blob);
    return 'blob:file';
  });
  URL.revokeObjectURL = vi.fn();
  return fixture;
}

/** Opens last year's annual report and waits until it is computed. */
async function openLastYear(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Sprawozdanie roczne' }));
  fireEvent.click(screen.getByRole('button', { name: 'Poprzedni rok' }));
  await screen.findByRole('heading', { name: 'Sprawozdanie roczne WTZ dla powiatu · WTZ „Przystań” · 2026' });
  await screen.findByRole('table', { name: 'Uczestnicy i ich stopnie niepełnosprawności' });
}

const figure = (name: string) => screen.getByText(name, { selector: 'dt' }).closest('div')!.querySelector('dd')!.textContent;

afterEach(() => stopFixture());

describe('the WTZ annual report', () => {
  it('shows degrees, months, who left and why, and "brak danych" where nothing is recorded', async () => {
    await setUp();
    const { container } = render(<ReportsScreen />);
    await openLastYear();
    expect(screen.getByRole('heading', { name: 'Sprawozdanie roczne WTZ dla powiatu · WTZ „Przystań” · 2026' })).toBeTruthy();
    expect(screen.getByText(/§ 21 rozporządzenia w sprawie warsztatów terapii zajęciowej \(Dz\.U\. 2021 poz\. 2284\)\. Termin złożenia: 01\.03\.2027\./)).toBeTruthy();
    expect(figure('Uczestnicy w roku')).toBe('2');
    expect(figure('w tym stopień: umiarkowany')).toBe('1');
    expect(figure('w tym stopień: znaczny')).toBe('1');
    expect(figure('Uczestnicy z postępami w rehabilitacji')).toBe('brak danych');
    expect(screen.getByText(/W roku przypadało 0 przeglądów IPR/)).toBeTruthy();
    const people = screen.getByRole('table', { name: 'Uczestnicy i ich stopnie niepełnosprawności' });
    expect(within(people).getByRole('rowheader', { name: 'Nowak Jan' }).closest('tr')!.textContent).toContain('30.06.2026');
    const months = screen.getByRole('table', { name: 'Frekwencja w kolejnych miesiącach' });
    expect(within(months).getByRole('rowheader', { name: 'marzec 2026' }).closest('tr')!.textContent).toContain('100 %');
    expect(screen.getByText('Nowak Jan — 30.06.2026: podjęcie pracy')).toBeTruthy();
    expect(screen.getByText(/decyzje rady programowej nie są zapisywane/)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('prints and exports XLSX, each recorded', async () => {
    const { transport } = await setUp();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    render(<ReportsScreen />);
    await openLastYear();
    fireEvent.click(screen.getByRole('button', { name: 'Drukuj' }));
    expect(print).toHaveBeenCalled();
    await waitFor(() => expect(transport.exports).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz XLSX (Excel)' }));
    await waitFor(() => expect(files).toHaveLength(1));
    await waitFor(() => expect(transport.exports).toHaveLength(2));
    expect(transport.exports.map((e) => [e.report, e.format, e.unitId, e.from, e.to, e.rows])).toEqual([
      ['wtzAnnualReport', 'print', wtz.id, '2026-01-01', '2026-12-31', 2],
      ['wtzAnnualReport', 'xlsx', wtz.id, '2026-01-01', '2026-12-31', 2],
    ]);
  });

  it('only a WTZ has it', async () => {
    await setUp(makeUnit({ kind: 'selfHelpHome' }));
    render(<ReportsScreen />);
    await screen.findByRole('heading', { name: /Lista obecności · / });
    expect(screen.queryByRole('button', { name: 'Sprawozdanie roczne' })).toBeNull();
  });
});
