// Accounts and devices in Settings, over the real admin actions and a scripted server: only for
// administrators; creating an account with a role and units; revoking a device.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsScreen } from '../../../src/client/ui/screens/SettingsScreen';
import { AppTransport, startFixture, stopFixture } from './app-fixture';
import { axeViolations } from './axe';
import { makeUnit } from './fixtures';

afterEach(() => stopFixture());

/** The server's accounts and devices as an administrator sees them. */
function withAccounts(transport: AppTransport): AppTransport {
  transport.accountsAnswer = {
    accounts: [{ id: 'user-1', login: 'ewa.lis', displayName: 'Ewa Lis', roles: ['administrator'], unitIds: ['unit-1'], disabled: false }],
    devices: [{ id: 'dev-9', userId: 'user-1', userName: 'Ewa Lis', name: 'Tablet pracownia', createdAtMs: 0, lastSeenAtMs: null, revokedAtMs: null }],
  };
  return transport;
}

describe('accounts and devices', () => {
  it('is not offered to a coordinator', async () => {
    const { transport } = await startFixture({ roles: ['coordinator'], records: { units: [makeUnit()] }, transport: withAccounts(new AppTransport()) });
    render(<SettingsScreen />);
    expect(screen.queryByRole('heading', { name: 'Konta i urządzenia' })).toBeNull();
    expect(transport.callsOf('accounts')).toEqual([]);
  });

  it('lets an administrator create an account and revoke a device', async () => {
    const { transport } = await startFixture({ roles: ['administrator'], records: { units: [makeUnit()] }, transport: withAccounts(new AppTransport()) });
    const { container } = render(<SettingsScreen />);
    expect(await screen.findByText('Ewa Lis (ewa.lis)')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Imię i nazwisko'), { target: { value: 'Jan Kos' } });
    fireEvent.input(screen.getByLabelText('Login'), { target: { value: 'jan.kos' } });
    fireEvent.input(screen.getByLabelText('Hasło startowe (co najmniej 10 znaków)'), { target: { value: 'haslo-jana-123' } });
    fireEvent.change(screen.getByLabelText('Rola'), { target: { value: 'driver' } });
    fireEvent.click(await screen.findByLabelText('WTZ „Przystań”'));
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz konto' }));
    const token = 'token-aaaaaaaaaaaaaaaaaaaaaaaa';
    await waitFor(() => expect(transport.callsOf('createAccount')).toEqual([[token, { displayName: 'Jan Kos', login: 'jan.kos', password: 'haslo-jana-123', roles: ['driver'], unitIds: ['unit-1'] }]]));
    fireEvent.click(screen.getByRole('button', { name: 'Odbierz dostęp: Tablet pracownia (Ewa Lis)' }));
    await waitFor(() => expect(transport.callsOf('revokeDevice')).toEqual([[token, 'dev-9']]));
    expect(await axeViolations(container)).toEqual([]);
  });
});
