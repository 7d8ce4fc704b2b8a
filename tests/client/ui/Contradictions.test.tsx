// Issue 13, point 4: the driver marked "Nie ma w domu" for a person the therapist had marked present,
// and Today showed both with no warning. Now Today and the person's attendance row show it as
// something to decide, with both sources and times, and a way to decide either way. Over the real
// state layer: the two marks are stored on the device, the decision is read back from it.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc, transportEventId, type TransportEvent } from '../../../src/domain';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { TodayScreen } from '../../../src/client/ui/screens/TodayScreen';
import { AttendanceScreen } from '../../../src/client/ui/screens/attendance/AttendanceScreen';
import { startFixture, stopFixture, type AppFixture, type FixtureOptions } from './app-fixture';
import { axeViolations } from './axe';
import { anna, jan, makeMark, makeRoute, makeUnit, zofia } from './fixtures';

const DAY = '2026-11-23';
// Jan was marked present at 08:12 (Warsaw) on a tablet; the driver marked him not at home at 07:40.
const janPresent = { ...makeMark('p-jan', 'present'), hlc: formatHlc({ wall: Date.UTC(2026, 10, 23, 7, 12), counter: 0, device: 'dev-2' }) };
const notHome: TransportEvent = {
  id: transportEventId('r-1', 'p-jan', DAY), organizationId: 'org-1', changedBy: 'user-2', deleted: false,
  hlc: formatHlc({ wall: Date.UTC(2026, 10, 23, 6, 40), counter: 0, device: 'bus' }), routeId: 'r-1', participantId: 'p-jan', unitId: 'unit-1', day: DAY, kind: 'notHome', time: '07:40',
};
const poranny = makeRoute({ id: 'r-1', name: 'Poranny' });

let fixture: AppFixture;
/** A device of the unit with Anna, Jan and Zofia, Jan's mark and the driver's mark (or others). */
async function setUp(over: FixtureOptions = {}, marks = [janPresent], events = [notHome]) {
  fixture = await startFixture({ records: { units: [makeUnit()], participants: [anna, jan, zofia], routes: [poranny], dayMarks: marks, transportEvents: events }, ...over });
}

beforeEach(async () => {
  navigate('/');
  await setUp();
});
afterEach(() => stopFixture());

const janMark = () => fixture.record('dayMarks', 'dm:p-jan:2026-11-23');

describe('a contradiction between the driver and the attendance list', () => {
  it('Today shows it to decide, with both sources and times', async () => {
    const { container } = render(<App />);
    const card = within(await screen.findByRole('region', { name: '1 sprawa do rozstrzygnięcia' }));
    const item = within(card.getByRole('group', { name: 'Jan Nowak: kierowca i lista obecności się różnią' }));
    expect(item.getByText('Kierowca (kurs „Poranny”): nie ma w domu, 07:40')).toBeTruthy();
    expect(item.getByText('Lista obecności: obecny, zaznaczono 08:12')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('"Zostaw obecność" keeps the mark against this driver’s mark; "Zaznacz nieobecność" marks absent', async () => {
    const { unmount } = render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Zostaw obecność' }));
    await waitFor(async () => expect(await janMark()).toMatchObject({ status: 'present', keptAgainst: notHome.hlc }));
    await waitFor(() => expect(screen.queryByText(/do rozstrzygnięcia/)).toBeNull());
    unmount();
    await setUp();
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Zaznacz nieobecność' }));
    await waitFor(async () => expect(await janMark()).toMatchObject({ status: 'absent', absenceReason: 'other', note: 'Kierowca: nie ma w domu (07:40)' }));
  });

  it('a driver’s "picked up" against an absence offers to keep the absence or mark present', async () => {
    await setUp({}, [{ ...janPresent, status: 'absent', absenceReason: 'illness', arrivalTime: null }], [{ ...notHome, kind: 'pickedUp' }]);
    render(<App />);
    expect(await screen.findByText('Kierowca (kurs „Poranny”): odebrany z domu, 07:40')).toBeTruthy();
    expect(screen.getByText('Lista obecności: nieobecny, zaznaczono 08:12')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zostaw nieobecność' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Zaznacz obecność' }));
    await waitFor(async () => expect(await janMark()).toMatchObject({ status: 'present' }));
  });

  it('the kitchen sees no way to decide', async () => {
    await setUp({ roles: ['kitchen'] });
    render(<TodayScreen />);
    expect(await screen.findByText('Kierowca (kurs „Poranny”): nie ma w domu, 07:40')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Zostaw obecność' })).toBeNull();
  });

  it('nothing is shown when there is nothing to decide', async () => {
    await setUp({}, [janPresent], []);
    render(<App />);
    await screen.findByText('Placówka: WTZ „Przystań”');
    await screen.findByText('Nieoznaczeni', { selector: '.tile__label' });
    expect(screen.queryByText(/do rozstrzygnięcia/)).toBeNull();
  });

  it('the person’s attendance row carries it too', async () => {
    const { container } = render(<AttendanceScreen />);
    const row = (await screen.findByText('Nowak Jan', { selector: '.roster__name' })).closest('li') as HTMLElement;
    await waitFor(() => expect(row.className).toContain('roster__item--conflict'));
    expect(within(row).getByText('Kierowca (kurs „Poranny”): nie ma w domu, 07:40')).toBeTruthy();
    const annaRow = screen.getByText('Kowalska Anna', { selector: '.roster__name' }).closest('li') as HTMLElement;
    expect(within(annaRow).queryByText(/Kierowca/)).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(within(row).getByRole('button', { name: 'Zaznacz nieobecność' }));
    await waitFor(async () => expect(await janMark()).toMatchObject({ status: 'absent' }));
  });
});
