// The month's meals for the coordinator (per participant for the fees, per diet, per day ordered vs
// served; print and CSV), and the kitchen's screen: counts, diets and allergies only.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MealsScreen } from '../../../src/client/ui/screens/meals/MealsScreen';
import { MONDAY_0842, startFixture, stopFixture, type FixtureOptions } from './app-fixture';
import { axeViolations } from './axe';
import { anna, jan, makeMark, makeNotice, makeParticipant, makeUnit } from './fixtures';

const unit = makeUnit({ mealCutoffTime: '09:00' });
const ola = makeParticipant({ id: 'p-ola', firstName: 'Ola', lastName: 'Zięba', diet: 'glutenFree', allergies: 'orzechy' });

// November up to today, Tue 24 (08:42): 16 open days (11 Nov is a holiday). On Mon 23 and Tue 24
// Anna is away on a notice reported on the Sunday (in time); Jan is present both days; Ola is
// present on Monday and absent on Tuesday without a notice. Earlier days have no marks.
const marks = [
  makeMark('p-jan', 'present'), makeMark('p-jan', 'present', { id: 'dm:p-jan:2026-11-24', day: '2026-11-24' }),
  makeMark('p-ola', 'present'), makeMark('p-ola', 'absent', { id: 'dm:p-ola:2026-11-24', day: '2026-11-24', absenceReason: 'illness', arrivalTime: null, leaveTime: null }),
];
const month = (over: FixtureOptions = {}) => startFixture({
  nowMs: Date.UTC(2026, 10, 24, 7, 42),
  records: { units: [unit], participants: [anna, jan, ola], dayMarks: marks, absenceNotices: [makeNotice('p-anna')] },
  ...over,
});
afterEach(() => stopFixture());

describe('monthly meal summary', () => {
  it('shows the coordinator per participant, per diet and per day, with no axe violations', async () => {
    await month();
    const { container } = render(<MealsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Miesiąc' }));
    expect(await screen.findByRole('heading', { name: /Zestawienie miesięczne posiłków · WTZ „Przystań” · listopad 2026/ })).toBeTruthy();
    const people = await screen.findByRole('region', { name: 'Uczestnicy (do rozliczenia opłat)' });
    const row = (name: string) => within(people).getByRole('row', { name: new RegExp(name) });
    const cells = (name: string) => within(row(name)).getAllByRole('cell').map((c) => c.textContent);
    // diet, ordered, served, in time, late, not reported
    expect(cells('Zięba Ola')).toEqual(['bezglutenowa', '16', '1', '0', '0', '1']);
    expect(cells('Nowak Jan')).toEqual(['standardowa', '16', '2', '0', '0', '0']);
    expect(cells('Kowalska Anna')).toEqual(['standardowa', '14', '0', '2', '0', '0']);
    const byDay = screen.getByRole('region', { name: 'Placówka: dzień po dniu' });
    expect(within(within(byDay).getByRole('row', { name: /24\.11\.2026/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', 'nie wysłano', '1']);
    expect(within(byDay).getByRole('row', { name: /Razem \(16 dni\)/ })).toBeTruthy();
    const diets = screen.getByRole('region', { name: 'Według diety' });
    expect(within(within(diets).getByRole('row', { name: /standardowa/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '30', '2']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('downloads the CSV with the diet names of the catalog, prints, changes the month; both exports are audited', async () => {
    const { transport } = await month();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const files: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      files.push(blob);
      return 'blob:meals';
    });
    URL.revokeObjectURL = vi.fn();
    render(<MealsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Miesiąc' }));
    await screen.findByRole('region', { name: 'Uczestnicy (do rozliczenia opłat)' });
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const csv = await files[0]!.text();
    expect(csv).toContain('WTZ „Przystań”');
    expect(csv).toContain('bezglutenowa');
    await waitFor(() => expect(transport.exports.map((e) => [e.report, e.format, e.unitId])).toEqual([['mealMonth', 'csv', 'unit-1']]));
    fireEvent.click(screen.getByRole('button', { name: 'Drukuj zestawienie' }));
    expect(print).toHaveBeenCalled();
    await waitFor(() => expect(transport.exports).toHaveLength(2));
    expect(transport.exports[1]).toMatchObject({ report: 'mealMonth', format: 'print', unitId: 'unit-1', from: '2026-11-01', to: '2026-11-30', rows: 3 });
    fireEvent.click(screen.getByRole('button', { name: 'Poprzedni miesiąc' }));
    expect(await screen.findByRole('heading', { name: /październik 2026/ })).toBeTruthy();
  });

  it('the kitchen sees counts, diets and allergies, no monthly summary of people', async () => {
    // Monday: Ola is due and eats (on Tuesday she is away, so not on the kitchen's list).
    await month({ roles: ['kitchen'], nowMs: MONDAY_0842 });
    render(<MealsScreen />);
    expect(await screen.findByText('Ola Zięba: orzechy')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Miesiąc' })).toBeNull();
    expect(screen.queryByText('Uczestnicy (do rozliczenia opłat)')).toBeNull();
    expect(screen.getByText('Według diety')).toBeTruthy();
    expect(screen.getByText('Ola Zięba: orzechy')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Wyślij/ })).toBeNull();
  });
});
