// The driver marks a stop ("not at home"); the coordinator's Today screen shows it with a tap
// that turns it into an absence. Over the real state layer: the marks are read back from the device.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransportEvent } from '../../../src/domain';
import { TransportScreen } from '../../../src/client/ui/screens/transport/TransportScreen';
import { TodayScreen } from '../../../src/client/ui/screens/TodayScreen';
import { startFixture, stopFixture } from './app-fixture';
import { anna, makeParticipant, makeRoute, makeStop, makeUnit } from './fixtures';

afterEach(() => stopFixture());

const teresa = makeParticipant({ id: 'p-t', firstName: 'Teresa', lastName: 'Mazur' });
const run = { units: [makeUnit()], participants: [teresa], routes: [makeRoute()], routeStops: [makeStop('s-1', 'p-t', 1, '07:15')] };

describe('marks at the stops', () => {
  it('the driver marks a person not at home, today only', async () => {
    const fixture = await startFixture({ roles: ['driver'], records: run });
    render(<TransportScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nie ma w domu: Teresa Mazur' }));
    await waitFor(async () => expect(await fixture.records('transportEvents')).toEqual([
      expect.objectContaining({ id: 'te:route-1:p-t:2026-11-23', routeId: 'route-1', unitId: 'unit-1', participantId: 'p-t', day: '2026-11-23', kind: 'notHome' }),
    ]));
    fireEvent.click(screen.getByRole('button', { name: 'Następny dzień' }));
    await screen.findByText('wtorek, 24 listopada 2026', { exact: false });
    expect(screen.queryByRole('button', { name: 'Nie ma w domu: Teresa Mazur' })).toBeNull();
  });

  it('follows the shared write policy: a therapist sees the list but has no marks to make (the server would refuse them)', async () => {
    await startFixture({ roles: ['therapist'], records: run });
    render(<TransportScreen />);
    expect(await screen.findByText(/Teresa Mazur/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nie ma w domu: Teresa Mazur' })).toBeNull();
  });

  it('the coordinator sees "not at home" on Today and turns it into an absence', async () => {
    const notHome: TransportEvent = {
      id: 'te:route-1:p-anna:2026-11-23', organizationId: 'org-1', hlc: '0000000000000:0000:dev-2', changedBy: 'user-2', deleted: false,
      routeId: 'route-1', unitId: 'unit-1', participantId: 'p-anna', day: '2026-11-23', kind: 'notHome', time: '07:12',
    };
    const fixture = await startFixture({ records: { units: [makeUnit()], participants: [anna], routes: [makeRoute()], transportEvents: [notHome] } });
    render(<TodayScreen />);
    expect(await screen.findByText('Anna Kowalska · 07:12')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Zaznacz nieobecność: Anna Kowalska' }));
    await waitFor(async () => expect(await fixture.record('dayMarks', 'dm:p-anna:2026-11-23')).toMatchObject({
      unitId: 'unit-1', day: '2026-11-23', participantId: 'p-anna', status: 'absent', absenceReason: 'other', note: 'Nie było w domu (kierowca)',
    }));
  });
});
