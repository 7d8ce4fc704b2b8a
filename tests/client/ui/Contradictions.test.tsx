// Issue 13, point 4: the driver marked "Nie ma w domu" for a person the therapist had marked present,
// and Today showed both with no warning. Now Today and the person's attendance row show it as
// something to decide, with both sources and times, and a way to decide either way.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { transportEventId, type TransportEvent } from '../../../src/domain';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { TodayScreen } from '../../../src/client/ui/screens/TodayScreen';
import { AttendanceScreen } from '../../../src/client/ui/screens/attendance/AttendanceScreen';
import type { ShownContradiction } from '../../../src/client/state/transport';
import { axeViolations } from './axe';
import { actions, fake, loaded, resetFake, session, signIn } from './fake-state';
import { jan, makeMark, makeOverview, makeUnit } from './fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/reports', async () => (await import('./fake-state')).fakeReportingModule());
vi.mock('../../../src/client/state/register', async () => (await import('./fake-state')).fakeRegistryModule());
vi.mock('../../../src/client/state/meals', async () => (await import('./fake-state')).fakeKitchenModule());
vi.mock('../../../src/client/state/transport', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/transport/routes', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/attendance', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/admin', async () => (await import('./fake-state')).fakeStateModule());

const DAY = '2026-11-23';
const janPresent = makeMark('p-jan', 'present');
const notHome: TransportEvent = {
  ...janPresent, id: transportEventId('r-1', 'p-jan', DAY), hlc: '1795500000000-0000-bus', routeId: 'r-1', participantId: 'p-jan', unitId: 'unit-1', day: DAY, kind: 'notHome', time: '07:40',
};
const contradiction: ShownContradiction = { kind: 'driverAway', participantId: 'p-jan', day: DAY, mark: janPresent, event: notHome, routeName: 'Poranny', markedAt: '08:12' };

beforeEach(() => {
  resetFake();
  navigate('/');
  signIn(makeUnit(), makeOverview());
  fake.participants.value = loaded([jan]);
  fake.contradictions.value = loaded([contradiction]);
});
afterEach(() => cleanup());

describe('a contradiction between the driver and the attendance list', () => {
  it('Today shows it to decide, with both sources and times', async () => {
    const { container } = render(<App />);
    const card = within(screen.getByRole('region', { name: '1 sprawa do rozstrzygnięcia' }));
    const item = within(card.getByRole('group', { name: 'Jan Nowak: kierowca i lista obecności się różnią' }));
    expect(item.getByText('Kierowca (kurs „Poranny”): nie ma w domu, 07:40')).toBeTruthy();
    expect(item.getByText('Lista obecności: obecny, zaznaczono 08:12')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('"Zostaw obecność" keeps the mark against this driver’s mark; "Zaznacz nieobecność" marks absent', () => {
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Zostaw obecność' }));
    expect(actions.keepDayMark).toHaveBeenCalledWith(contradiction);
    fireEvent.click(screen.getByRole('button', { name: 'Zaznacz nieobecność' }));
    expect(actions.markDay).toHaveBeenCalledWith('unit-1', DAY, 'p-jan', { status: 'absent', absenceReason: 'other', note: 'Kierowca: nie ma w domu (07:40)' });
  });

  it('a driver’s "picked up" against an absence offers to keep the absence or mark present', () => {
    fake.contradictions.value = loaded([{ ...contradiction, kind: 'driverCame', mark: makeMark('p-jan', 'absent'), event: { ...notHome, kind: 'pickedUp' } }]);
    render(<App />);
    expect(screen.getByText('Kierowca (kurs „Poranny”): odebrany z domu, 07:40')).toBeTruthy();
    expect(screen.getByText('Lista obecności: nieobecny, zaznaczono 08:12')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Zaznacz obecność' }));
    expect(actions.markDay).toHaveBeenCalledWith('unit-1', DAY, 'p-jan', { status: 'present' });
    expect(screen.getByRole('button', { name: 'Zostaw nieobecność' })).toBeTruthy();
  });

  it('the kitchen sees no way to decide', () => {
    fake.session.value = loaded({ ...session, roles: ['kitchen'] });
    render(<TodayScreen />);
    expect(screen.getByText('Kierowca (kurs „Poranny”): nie ma w domu, 07:40')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Zostaw obecność' })).toBeNull();
  });

  it('nothing is shown when there is nothing to decide', () => {
    fake.contradictions.value = loaded([]);
    render(<App />);
    expect(screen.queryByText(/do rozstrzygnięcia/)).toBeNull();
  });

  it('the person’s attendance row carries it too', async () => {
    const { container } = render(<AttendanceScreen />);
    const row = screen.getByText('Nowak Jan', { selector: '.roster__name' }).closest('li') as HTMLElement;
    expect(row.className).toContain('roster__item--conflict');
    expect(within(row).getByText('Kierowca (kurs „Poranny”): nie ma w domu, 07:40')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Zaznacz nieobecność' }));
    expect(actions.markDay).toHaveBeenCalledWith('unit-1', DAY, 'p-jan', expect.objectContaining({ status: 'absent' }));
    const anna = screen.getByText('Kowalska Anna', { selector: '.roster__name' }).closest('li') as HTMLElement;
    expect(within(anna).queryByText(/Kierowca/)).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });
});
