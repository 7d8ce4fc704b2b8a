// Issue 13, point 4: an order sent at 16:04 with a 09:00 cut-off was not flagged; at 16:00 the kitchen
// still read "Zamówienie nie zostało jeszcze wysłane" without "po terminie"; the kitchen had no total
// across its units; "Zamówienie wysłane" had no time. Seen as the coordinator and the kitchen see
// them, over the real state layer: the orders are stored on the device, the clock is the fixture's.
import { render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mealOrderId, type MealOrder } from '../../../src/domain';
import { navigate } from '../../../src/client/ui/router';
import { MealsScreen } from '../../../src/client/ui/screens/meals/MealsScreen';
import { TodayScreen } from '../../../src/client/ui/screens/TodayScreen';
import { startFixture, stopFixture, type FixtureOptions } from './app-fixture';
import { axeViolations } from './axe';
import { anna, jan, makeParticipant, makeUnit, zofia } from './fixtures';

const DAY = '2026-11-23';
/** 16:00 and 16:10 on Monday 23.11.2026 in Warsaw (UTC+1). */
const AT_1600 = Date.UTC(2026, 10, 23, 15, 0);
const AT_1610 = Date.UTC(2026, 10, 23, 15, 10);
const unit = makeUnit({ mealCutoffTime: '09:00', servesMeals: true });
const order = (over: Partial<MealOrder> = {}): MealOrder => ({
  id: mealOrderId('unit-1', DAY), organizationId: 'org-1', hlc: '1795420000000-0000-dev', changedBy: 'u', deleted: false,
  unitId: 'unit-1', day: DAY, counts: { standard: 2 }, extra: 0, status: 'sent', note: '', ...over,
});

async function setUp(over: FixtureOptions = {}, orders: MealOrder[] = []) {
  await startFixture({ records: { units: [unit], participants: [anna, jan, zofia], mealOrders: orders }, ...over });
}

beforeEach(() => navigate('/'));
afterEach(() => stopFixture());

describe('the lunch order against the cut-off', () => {
  it('an order sent at 16:04 shows its time and is flagged as late', async () => {
    await setUp({ nowMs: AT_1610 }, [order({ sentOn: DAY, sentAt: '16:04' })]);
    render(<MealsScreen />);
    expect(await screen.findByText('Zamówienie wysłane o 16:04: 2')).toBeTruthy();
    expect(screen.getByText('Wysłane po terminie — zamówienia przyjmowane są do 09:00. Uzgodnij je z kuchnią.')).toBeTruthy();
  });

  it('an order sent in time shows its time and no flag', async () => {
    await setUp({}, [order({ sentOn: DAY, sentAt: '08:31' })]);
    render(<MealsScreen />);
    expect(await screen.findByText('Zamówienie wysłane o 08:31: 2')).toBeTruthy();
    expect(screen.queryByText(/po terminie/)).toBeNull();
  });

  it('at 16:00 with nothing sent the kitchen reads "po terminie"', async () => {
    await setUp({ roles: ['kitchen'], nowMs: AT_1600 });
    render(<MealsScreen />);
    expect(await screen.findByText('Zamówienie nie zostało jeszcze wysłane — po terminie (do 09:00).')).toBeTruthy();
  });

  it('before the cut-off nothing is flagged yet', async () => {
    await setUp();
    render(<MealsScreen />);
    expect(await screen.findByText('Zamówienie nie zostało jeszcze wysłane.')).toBeTruthy();
  });

  it('the coordinator’s Today flags a missing order after the cut-off, and a late one', async () => {
    await setUp({ nowMs: AT_1600 });
    const { unmount } = render(<TodayScreen />);
    expect(await screen.findByText('Zamówienie do kuchni nie zostało wysłane, a termin (09:00) minął.')).toBeTruthy();
    unmount();
    stopFixture();
    await setUp({ nowMs: AT_1610 }, [order({ sentOn: DAY, sentAt: '16:04' })]);
    render(<TodayScreen />);
    expect(await screen.findByText('Zamówienie do kuchni wysłane po terminie (09:00).')).toBeTruthy();
  });
});

describe('the kitchen’s day across its units', () => {
  it('shows a row per unit with the order’s time or flag, and one total', async () => {
    const senior = makeUnit({ id: 'unit-2', name: 'Dzienny Dom Senior+', kind: 'seniorPlus', mealCutoffTime: '09:00', servesMeals: true });
    const sds = makeUnit({ id: 'unit-3', name: 'ŚDS „Dom”', kind: 'selfHelpHome', mealCutoffTime: '09:00', servesMeals: true });
    const ola = makeParticipant({ id: 'p-ola', firstName: 'Ola', lastName: 'Zięba', unitId: 'unit-2' });
    const ewa = makeParticipant({ id: 'p-ewa', firstName: 'Ewa', lastName: 'Bąk', unitId: 'unit-3' });
    await startFixture({
      roles: ['kitchen'], unitIds: ['unit-1', 'unit-2', 'unit-3'], nowMs: AT_1610,
      records: {
        units: [unit, senior, sds], participants: [anna, jan, zofia, ola, ewa],
        mealOrders: [
          order({ counts: { standard: 3 }, sentOn: DAY, sentAt: '08:40' }),
          order({ id: mealOrderId('unit-3', DAY), unitId: 'unit-3', counts: { standard: 1 }, extra: 1, sentOn: DAY, sentAt: '16:04' }),
        ],
      },
    });
    const { container } = render(<MealsScreen />);
    const card = within(await screen.findByRole('region', { name: 'Kuchnia · wszystkie placówki · 23.11.2026' }));
    expect(card.getAllByRole('row').map((r) => r.textContent)).toEqual([
      'PlacówkaDo zamówieniaZamówienie',
      'Dzienny Dom Senior+1nie wysłano · po terminie',
      'ŚDS „Dom”12 · wysłane o 16:04 · po terminie',
      'WTZ „Przystań”33 · wysłane o 08:40',
      'Razem55',
    ]);
    expect(card.getByText('1 placówka nie wysłała zamówienia po terminie.')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });
});
