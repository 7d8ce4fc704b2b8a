// Issue 13, point 4: an order sent at 16:04 with a 09:00 cut-off was not flagged; at 16:00 the kitchen
// still read "Zamówienie nie zostało jeszcze wysłane" without "po terminie"; the kitchen had no total
// across its units; "Zamówienie wysłane" had no time. Seen as the coordinator and the kitchen see it,
// over the real state layer and a device database (app-fixture.tsx).
import { render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mealOrderId, type MealOrder } from '../../../src/domain';
import { MealsScreen } from '../../../src/client/ui/screens/meals/MealsScreen';
import { TodayScreen } from '../../../src/client/ui/screens/TodayScreen';
import { startFixture, stopFixture, type FixtureOptions } from './app-fixture';
import { axeViolations } from './axe';
import { makeParticipant, makeUnit, mondayRecords } from './fixtures';

const DAY = '2026-11-23';
/** Monday 23.11.2026 at hh:mm in Warsaw (UTC+1). */
const at = (hh: number, mm: number) => Date.UTC(2026, 10, 23, hh - 1, mm);
const order = (over: Partial<MealOrder> = {}): MealOrder => ({
  id: mealOrderId(over.unitId ?? 'unit-1', DAY), organizationId: 'org-1', hlc: '1795420000000-0000-dev', changedBy: 'u', deleted: false,
  unitId: 'unit-1', day: DAY, counts: { standard: 2 }, extra: 0, status: 'sent', note: '', ...over,
});
/** The Monday of the WTZ (a 09:00 cut-off), with the day's order if one was sent. */
const monday = (nowMs: number, mealOrders: MealOrder[] = [], over: FixtureOptions = {}) => startFixture({
  nowMs, ...over, records: { ...mondayRecords({ mealCutoffTime: '09:00', servesMeals: true }), mealOrders },
});
afterEach(() => stopFixture());

describe('the lunch order against the cut-off', () => {
  it('an order sent at 16:04 shows its time and is flagged as late', async () => {
    await monday(at(16, 10), [order({ sentOn: DAY, sentAt: '16:04' })]);
    render(<MealsScreen />);
    expect(await screen.findByText('Zamówienie wysłane o 16:04: 2')).toBeTruthy();
    expect(screen.getByText('Wysłane po terminie — zamówienia przyjmowane są do 09:00. Uzgodnij je z kuchnią.')).toBeTruthy();
  });

  it('an order sent in time shows its time and no flag', async () => {
    await monday(at(9, 30), [order({ sentOn: DAY, sentAt: '08:31' })]);
    render(<MealsScreen />);
    expect(await screen.findByText('Zamówienie wysłane o 08:31: 2')).toBeTruthy();
    expect(screen.queryByText(/po terminie/)).toBeNull();
  });

  it('at 16:00 with nothing sent the kitchen reads "po terminie"', async () => {
    await monday(at(16, 0), [], { roles: ['kitchen'] });
    render(<MealsScreen />);
    expect(await screen.findByText(/Zamówienie nie zostało jeszcze wysłane — po terminie \(do 09:00\)\./)).toBeTruthy();
  });

  it('before the cut-off nothing is flagged yet', async () => {
    await monday(at(8, 30));
    render(<MealsScreen />);
    expect(await screen.findByText('Zamówienie nie zostało jeszcze wysłane.')).toBeTruthy();
    expect(screen.queryByText(/po terminie/)).toBeNull();
  });

  it('the coordinator’s Today flags a missing order after the cut-off', async () => {
    await monday(at(16, 0));
    render(<TodayScreen />);
    expect(await screen.findByText('Zamówienie do kuchni nie zostało wysłane, a termin (09:00) minął.')).toBeTruthy();
  });

  it('the coordinator’s Today flags an order sent late', async () => {
    await monday(at(16, 10), [order({ sentOn: DAY, sentAt: '16:04' })]);
    render(<TodayScreen />);
    expect(await screen.findByText('Zamówienie do kuchni wysłane po terminie (09:00).')).toBeTruthy();
  });
});

describe('the kitchen’s day across its units', () => {
  it('shows a row per unit with the order’s time or flag, and one total', async () => {
    const senior = makeUnit({ id: 'unit-2', name: 'Dzienny Dom Senior+', kind: 'seniorPlus', mealCutoffTime: '09:00' });
    const sds = makeUnit({ id: 'unit-3', name: 'ŚDS „Dom”', kind: 'selfHelpHome', mealCutoffTime: '09:00' });
    const people = (unitId: string, n: number) => Array.from({ length: n }, (_, i) => makeParticipant({ id: `p-${unitId}-${i}`, firstName: `Osoba${i}`, lastName: unitId, unitId }));
    const base = mondayRecords({ mealCutoffTime: '09:00', servesMeals: true });
    await startFixture({
      nowMs: at(16, 10), roles: ['kitchen'], unitIds: ['unit-1', 'unit-2', 'unit-3'],
      records: {
        ...base,
        units: [...base.units!, senior, sds],
        participants: [...base.participants!, ...people('unit-2', 4), ...people('unit-3', 3)],
        mealOrders: [
          order({ counts: { standard: 1 }, sentOn: DAY, sentAt: '08:40' }),
          order({ unitId: 'unit-3', counts: { standard: 3 }, extra: 1, sentOn: DAY, sentAt: '16:04' }),
        ],
      },
    });
    const { container } = render(<MealsScreen />);
    const card = within(await screen.findByRole('region', { name: 'Kuchnia · wszystkie placówki · 23.11.2026' }));
    // WTZ: Jan and Zofia eat (Anna reported sick); 1 ordered at 08:40. Senior+: 4, nothing sent. ŚDS: 3, 3 + 1 extra sent late.
    expect(card.getAllByRole('row').map((r) => r.textContent)).toEqual([
      'PlacówkaDo zamówieniaZamówienie',
      'Dzienny Dom Senior+4nie wysłano · po terminie',
      'ŚDS „Dom”34 · wysłane o 16:04 · po terminie',
      'WTZ „Przystań”21 · wysłane o 08:40',
      'Razem95',
    ]);
    expect(card.getByText('1 placówka nie wysłała zamówienia po terminie.')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });
});
