// Issue 13, point 4: an order sent at 16:04 with a 09:00 cut-off was not flagged; at 16:00 the kitchen
// still read "Zamówienie nie zostało jeszcze wysłane" without "po terminie"; the kitchen had no total
// across its units; "Zamówienie wysłane" had no time. Seen as the coordinator and the kitchen see it.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIETS, kitchenDay, mealOrderId, type Diet, type MealOrder } from '../../../src/domain';
import { MealsScreen } from '../../../src/client/ui/screens/meals/MealsScreen';
import { TodayScreen } from '../../../src/client/ui/screens/TodayScreen';
import { axeViolations } from './axe';
import { fake, loaded, resetFake, session, signIn } from './fake-state';
import { makeOverview, makeUnit } from './fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/reports', async () => (await import('./fake-state')).fakeReportingModule());
vi.mock('../../../src/client/state/register', async () => (await import('./fake-state')).fakeRegistryModule());
vi.mock('../../../src/client/state/meals', async () => (await import('./fake-state')).fakeKitchenModule());
vi.mock('../../../src/client/state/transport', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/transport/routes', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/attendance', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/admin', async () => (await import('./fake-state')).fakeStateModule());

const DAY = '2026-11-23';
const unit = makeUnit({ mealCutoffTime: '09:00', servesMeals: true });
const order = (over: Partial<MealOrder> = {}): MealOrder => ({
  id: mealOrderId('unit-1', DAY), organizationId: 'org-1', hlc: '1795420000000-0000-dev', changedBy: 'u', deleted: false,
  unitId: 'unit-1', day: DAY, counts: { standard: 2 }, extra: 0, status: 'sent', note: '', ...over,
});
const counts = (standard: number): Record<Diet, number> => ({ ...Object.fromEntries(DIETS.map((d) => [d, 0])) as Record<Diet, number>, standard });

beforeEach(() => {
  resetFake();
  signIn(unit, makeOverview());
});
afterEach(() => cleanup());

describe('the lunch order against the cut-off', () => {
  it('an order sent at 16:04 shows its time and is flagged as late', () => {
    fake.now.value = '16:10';
    fake.mealOrder.value = order({ sentOn: DAY, sentAt: '16:04' });
    render(<MealsScreen />);
    expect(screen.getByText('Zamówienie wysłane o 16:04: 2')).toBeTruthy();
    expect(screen.getByText('Wysłane po terminie — zamówienia przyjmowane są do 09:00. Uzgodnij je z kuchnią.')).toBeTruthy();
  });

  it('an order sent in time shows its time and no flag', () => {
    fake.mealOrder.value = order({ sentOn: DAY, sentAt: '08:31' });
    render(<MealsScreen />);
    expect(screen.getByText('Zamówienie wysłane o 08:31: 2')).toBeTruthy();
    expect(screen.queryByText(/po terminie/)).toBeNull();
  });

  it('at 16:00 with nothing sent the kitchen reads "po terminie"', () => {
    fake.session.value = loaded({ ...session, roles: ['kitchen'] });
    fake.now.value = '16:00';
    render(<MealsScreen />);
    expect(screen.getByText('Zamówienie nie zostało jeszcze wysłane — po terminie (do 09:00).')).toBeTruthy();
  });

  it('before the cut-off nothing is flagged yet', () => {
    fake.now.value = '08:30';
    render(<MealsScreen />);
    expect(screen.getByText('Zamówienie nie zostało jeszcze wysłane.')).toBeTruthy();
  });

  it('the coordinator’s Today flags a missing order after the cut-off, and a late one', () => {
    fake.now.value = '16:00';
    const { unmount } = render(<TodayScreen />);
    expect(screen.getByText('Zamówienie do kuchni nie zostało wysłane, a termin (09:00) minął.')).toBeTruthy();
    unmount();
    signIn(unit, makeOverview({ mealOrder: order({ sentOn: DAY, sentAt: '16:04' }) }));
    render(<TodayScreen />);
    expect(screen.getByText('Zamówienie do kuchni wysłane po terminie (09:00).')).toBeTruthy();
  });
});

describe('the kitchen’s day across its units', () => {
  it('shows a row per unit with the order’s time or flag, and one total', async () => {
    fake.session.value = loaded({ ...session, roles: ['kitchen'], unitIds: ['unit-1', 'unit-2'] });
    fake.now.value = '16:10';
    fake.kitchen.value = loaded(kitchenDay([
      { unit: { id: 'unit-1', name: 'WTZ „Przystań”', mealCutoffTime: '09:00' }, toOrder: counts(20), order: order({ counts: { standard: 19 }, sentOn: DAY, sentAt: '08:40' }) },
      { unit: { id: 'unit-2', name: 'Dzienny Dom Senior+', mealCutoffTime: '09:00' }, toOrder: counts(25), order: null },
      { unit: { id: 'unit-3', name: 'ŚDS „Dom”', mealCutoffTime: '09:00' }, toOrder: counts(12), order: order({ unitId: 'unit-3', counts: { standard: 12 }, extra: 1, sentOn: DAY, sentAt: '16:04' }) },
    ], DAY, DAY, '16:10'));
    const { container } = render(<MealsScreen />);
    const card = within(screen.getByRole('region', { name: 'Kuchnia · wszystkie placówki · 23.11.2026' }));
    expect(card.getAllByRole('row').map((r) => r.textContent)).toEqual([
      'PlacówkaDo zamówieniaZamówienie',
      'Dzienny Dom Senior+25nie wysłano · po terminie',
      'ŚDS „Dom”1213 · wysłane o 16:04 · po terminie',
      'WTZ „Przystań”2019 · wysłane o 08:40',
      'Razem5732',
    ]);
    expect(card.getByText('1 placówka nie wysłała zamówienia po terminie.')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });
});
