// The driver marks a stop ("not at home"); the coordinator's Today screen shows it with a tap
// that turns it into an absence.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TransportScreen } from '../../../src/client/ui/screens/transport/TransportScreen';
import { TodayScreen } from '../../../src/client/ui/screens/TodayScreen';
import { actions, fake, loaded, resetFake, session, signIn } from './fake-state';
import { anna, makeOverview, makeParticipant, makeRoute, makeStop, makeUnit } from './fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/reports', async () => (await import('./fake-state')).fakeReportingModule());
vi.mock('../../../src/client/state/register', async () => (await import('./fake-state')).fakeRegistryModule());
vi.mock('../../../src/client/state/meals', async () => (await import('./fake-state')).fakeKitchenModule());
vi.mock('../../../src/client/state/transport', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/transport/routes', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/attendance', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/admin', async () => (await import('./fake-state')).fakeStateModule());

beforeEach(() => {
  resetFake();
  signIn(makeUnit(), makeOverview({ notices: [], marks: [] }));
});
afterEach(() => cleanup());

describe('marks at the stops', () => {
  it('the driver marks a person not at home, today only', async () => {
    fake.session.value = loaded({ ...session, roles: ['driver'] });
    const teresa = makeParticipant({ id: 'p-t', firstName: 'Teresa', lastName: 'Mazur' });
    fake.participants.value = loaded([teresa]);
    fake.routes.value = loaded([{ route: makeRoute(), stops: [makeStop('s-1', 'p-t', 1, '07:15')] }]);
    render(<TransportScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nie ma w domu: Teresa Mazur' }));
    await waitFor(() => expect(actions.markStop).toHaveBeenCalledWith('route-1', 'unit-1', 'p-t', '2026-11-23', 'notHome'));
    fireEvent.click(screen.getByRole('button', { name: 'Następny dzień' }));
    expect(screen.queryByRole('button', { name: 'Nie ma w domu: Teresa Mazur' })).toBeNull();
  });

  it('follows the shared write policy: a therapist sees the list but has no marks to make (the server would refuse them)', async () => {
    fake.session.value = loaded({ ...session, roles: ['therapist'] });
    const teresa = makeParticipant({ id: 'p-t', firstName: 'Teresa', lastName: 'Mazur' });
    fake.participants.value = loaded([teresa]);
    fake.routes.value = loaded([{ route: makeRoute(), stops: [makeStop('s-1', 'p-t', 1, '07:15')] }]);
    render(<TransportScreen />);
    expect(await screen.findByText(/Teresa Mazur/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nie ma w domu: Teresa Mazur' })).toBeNull();
  });

  it('the coordinator sees "not at home" on Today and turns it into an absence', async () => {
    fake.participants.value = loaded([anna]);
    fake.notHome.value = loaded([{ id: 'te:route-1:p-anna:2026-11-23', organizationId: 'org-1', hlc: 'h', changedBy: 'u', deleted: false, routeId: 'route-1', unitId: 'unit-1', participantId: 'p-anna', day: '2026-11-23', kind: 'notHome', time: '07:12' }]);
    render(<TodayScreen />);
    expect(await screen.findByText('Anna Kowalska · 07:12')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Zaznacz nieobecność: Anna Kowalska' }));
    await waitFor(() => expect(actions.markDay).toHaveBeenCalledWith('unit-1', '2026-11-23', 'p-anna', { status: 'absent', absenceReason: 'other', note: 'Nie było w domu (kierowca)' }));
  });
});
