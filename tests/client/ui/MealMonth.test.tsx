// The month's meals for the coordinator (per participant for the fees, per diet, per day ordered vs
// served; print and CSV), and the kitchen's screen: counts, diets and allergies only.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mealMonthSummary } from '../../../src/domain/rules/meals-month';
import { MealsScreen } from '../../../src/client/ui/screens/meals/MealsScreen';
import { axeViolations } from './axe';
import { actions, fake, loaded, resetFake, session, signIn } from './fake-state';
import { anna, jan, makeMark, makeNotice, makeOverview, makeParticipant, makeUnit } from './fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/reports', async () => (await import('./fake-state')).fakeReportingModule());
vi.mock('../../../src/client/state/register', async () => (await import('./fake-state')).fakeRegistryModule());
vi.mock('../../../src/client/state/meals', async () => (await import('./fake-state')).fakeKitchenModule());
vi.mock('../../../src/client/state/transport', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/transport/routes', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/attendance', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/admin', async () => (await import('./fake-state')).fakeStateModule());

const unit = makeUnit({ mealCutoffTime: '09:00' });
const ola = makeParticipant({ id: 'p-ola', firstName: 'Ola', lastName: 'Zięba', diet: 'glutenFree', allergies: 'orzechy' });

beforeEach(() => {
  resetFake();
  signIn(unit, makeOverview({ expected: [anna, jan, ola], marks: [makeMark('p-jan', 'present')], notices: [makeNotice('p-anna')] }));
  // November up to Tue 24: 16 open days (11 Nov is a holiday). On Mon 23 and Tue 24 Anna is away
  // on a notice reported on the Sunday (in time); Jan is present both days; Ola is present on
  // Monday and absent on Tuesday without a notice. Earlier days have no marks.
  const marks = [
    makeMark('p-jan', 'present'), makeMark('p-jan', 'present', { id: 'dm:p-jan:2026-11-24', day: '2026-11-24' }),
    makeMark('p-ola', 'present'), makeMark('p-ola', 'absent', { id: 'dm:p-ola:2026-11-24', day: '2026-11-24', absenceReason: 'illness', arrivalTime: null, leaveTime: null }),
  ];
  fake.mealMonth.value = loaded(mealMonthSummary(unit, [anna, jan, ola], marks, [makeNotice('p-anna')], [], '2026-11', '2026-11-24'));
});
afterEach(() => cleanup());

describe('monthly meal summary', () => {
  it('shows the coordinator per participant, per diet and per day, with no axe violations', async () => {
    const { container } = render(<MealsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Miesiąc' }));
    expect(screen.getByRole('heading', { name: /Zestawienie miesięczne posiłków · WTZ „Przystań” · listopad 2026/ })).toBeTruthy();
    const people = screen.getByRole('region', { name: 'Uczestnicy (do rozliczenia opłat)' });
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
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:meals');
    URL.revokeObjectURL = vi.fn();
    render(<MealsScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Miesiąc' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pobierz CSV' }));
    await waitFor(() => expect(actions.exportMealMonth).toHaveBeenCalledWith('unit-1', fake.mealMonth.value.data, 'WTZ „Przystań”', expect.any(Function)));
    const dietName = actions.exportMealMonth.mock.calls[0]![3];
    expect(dietName('glutenFree')).toBe('bezglutenowa');
    fireEvent.click(screen.getByRole('button', { name: 'Drukuj zestawienie' }));
    expect(print).toHaveBeenCalled();
    expect(actions.recordPrint).toHaveBeenCalledWith('mealMonth', 'unit-1', '2026-11-01', '2026-11-30', fake.mealMonth.value.data!.rows.length);
    fireEvent.click(screen.getByRole('button', { name: 'Poprzedni miesiąc' }));
    expect(screen.getByRole('heading', { name: /październik 2026/ })).toBeTruthy();
  });

  it('the kitchen sees counts, diets and allergies, no monthly summary of people', () => {
    fake.session.value = loaded({ ...session, roles: ['kitchen'] });
    render(<MealsScreen />);
    expect(screen.queryByRole('button', { name: 'Miesiąc' })).toBeNull();
    expect(screen.queryByText('Uczestnicy (do rozliczenia opłat)')).toBeNull();
    expect(screen.getByText('Według diety')).toBeTruthy();
    expect(screen.getByText('Ola Zięba: orzechy')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Wyślij/ })).toBeNull();
  });
});
