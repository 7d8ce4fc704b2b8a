// The WTZ annual report to the county (issue 19, point 3; § 21 of Dz.U. 2021 poz. 2284, due by
// 1 March), as the head of a workshop sees it: participants with their degrees, attendance month by
// month, who left and why, "brak danych" for progress and the council's decisions; print and XLSX
// recorded in the audit log; only a WTZ has it. No axe violations.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { daysInRange, isUnitOpen, type Unit } from '../../../src/domain';
import { wtzAnnualReport } from '../../../src/domain/rules/kinds/wtz-annual';
import { periodReport } from '../../../src/domain/rules/reports';
import { ReportsScreen } from '../../../src/client/ui/screens/reports/ReportsScreen';
import { axeViolations } from './axe';
import { actions, fake, loaded, resetFake, signIn } from './fake-state';
import { makeMark, makeParticipant, makeUnit } from './fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/reports', async () => (await import('./fake-state')).fakeReportingModule());
vi.mock('../../../src/client/state/register', async () => (await import('./fake-state')).fakeRegistryModule());
vi.mock('../../../src/client/state/meals', async () => (await import('./fake-state')).fakeKitchenModule());
vi.mock('../../../src/client/state/transport', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/transport/routes', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/attendance', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/admin', async () => (await import('./fake-state')).fakeStateModule());

const wtz = makeUnit({ seats: 30 });
const anna = makeParticipant({ id: 'p-anna', firstName: 'Anna', lastName: 'Kowalska', disabilityCertificate: { degree: 'moderate', validUntil: null } });
const jan = makeParticipant({ id: 'p-jan', firstName: 'Jan', lastName: 'Nowak', disabilityCertificate: { degree: 'severe', validUntil: null },
  dischargeDate: '2026-06-30', dischargeReason: 'podjęcie pracy', status: 'discharged' });
const marks = daysInRange('2026-03-01', '2026-03-31').filter((d) => isUnitOpen(wtz, d))
  .map((day) => makeMark('p-anna', 'present', { day, id: `dm:p-anna:${day}` }));

function setUp(unit: Unit = wtz) {
  signIn(unit);
  fake.today.value = '2027-01-15';
  const report = periodReport({ unit, participants: [anna, jan], marks, notices: [], activities: [], sessions: [] }, { kind: 'year', month: '2026-01' }, '2027-01-15');
  fake.wtzAnnual.value = loaded(wtzAnnualReport(report, [anna, jan]));
  URL.createObjectURL = vi.fn(() => 'blob:file');
  URL.revokeObjectURL = vi.fn();
}

const figure = (name: string) => screen.getByText(name, { selector: 'dt' }).closest('div')!.querySelector('dd')!.textContent;

beforeEach(() => resetFake());
afterEach(() => cleanup());

describe('the WTZ annual report', () => {
  it('shows degrees, months, who left and why, and "brak danych" where nothing is recorded', async () => {
    setUp();
    const { container } = render(<ReportsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Sprawozdanie roczne' }));
    fireEvent.click(screen.getByRole('button', { name: 'Poprzedni rok' }));
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
    setUp();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    render(<ReportsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Sprawozdanie roczne' }));
    fireEvent.click(screen.getByRole('button', { name: 'Poprzedni rok' }));
    fireEvent.click(screen.getByRole('button', { name: 'Drukuj' }));
    expect(print).toHaveBeenCalled();
    expect(actions.recordPrint).toHaveBeenCalledWith('wtzAnnualReport', wtz.id, '2026-01-01', '2026-12-31', 2);
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz XLSX (Excel)' }));
    expect(actions.exportWtzAnnual).toHaveBeenCalledWith(fake.wtzAnnual.value.data, wtz.id, wtz.name);
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
  });

  it('only a WTZ has it', () => {
    setUp(makeUnit({ kind: 'selfHelpHome' }));
    render(<ReportsScreen />);
    expect(screen.queryByRole('button', { name: 'Sprawozdanie roczne' })).toBeNull();
  });
});
