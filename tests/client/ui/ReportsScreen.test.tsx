// The monthly sheet on screen: a row per person with the marks as letters, closed days greyed,
// totals, the signature line; print and CSV buttons; no axe violations.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { monthlySheet } from '../../../src/domain';
import { ReportsScreen } from '../../../src/client/ui/screens/ReportsScreen';
import { axeViolations } from './axe';
import { actions, fake, loaded, resetFake, signIn } from './fake-state';
import { anna, jan, makeMark, makeUnit } from './fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());

beforeEach(() => {
  resetFake();
  const unit = makeUnit();
  signIn(unit);
  const marks = [makeMark('p-anna', 'present', { day: '2026-11-02', id: 'dm:p-anna:2026-11-02' }), makeMark('p-jan', 'absent', { day: '2026-11-02', id: 'dm:p-jan:2026-11-02' })];
  fake.sheet.value = loaded(monthlySheet(unit, [anna, jan], marks, [], '2026-11'));
});
afterEach(() => cleanup());

describe('ReportsScreen', () => {
  it('shows the month’s sheet with letters, closed days, totals and a signature line', async () => {
    const { container } = render(<ReportsScreen />);
    expect(screen.getByRole('heading', { name: /Lista obecności · WTZ „Przystań” · listopad 2026/ })).toBeTruthy();
    const annaRow = screen.getByRole('rowheader', { name: 'Kowalska Anna' }).closest('tr')!;
    const cells = within(annaRow).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 3)).toEqual(['–', 'O', '']);
    const janRow = screen.getByRole('rowheader', { name: 'Nowak Jan' }).closest('tr')!;
    expect(within(janRow).getAllByRole('cell')[1]?.textContent).toBe('N');
    expect(screen.getByText(/Podpis kierownika placówki/)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('downloads the CSV and prints', () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:sheet');
    URL.revokeObjectURL = vi.fn();
    render(<ReportsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz CSV (Excel)' }));
    expect(actions.monthlySheetCsv).toHaveBeenCalledWith(fake.sheet.value.data, 'WTZ „Przystań”');
    fireEvent.click(screen.getByRole('button', { name: 'Drukuj' }));
    expect(print).toHaveBeenCalled();
  });

  it('moves to the previous month', () => {
    render(<ReportsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Poprzedni miesiąc' }));
    expect(screen.getByRole('heading', { name: /październik 2026/ })).toBeTruthy();
  });
});
