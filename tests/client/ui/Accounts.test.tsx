// Accounts and devices in Settings: only for administrators; creating an account with a role
// and units; revoking a device.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsScreen } from '../../../src/client/ui/screens/SettingsScreen';
import { axeViolations } from './axe';
import { actions, fake, loaded, resetFake, session, signIn } from './fake-state';
import { makeUnit } from './fixtures';

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
  signIn(makeUnit());
});
afterEach(() => cleanup());

describe('accounts and devices', () => {
  it('is not offered to a coordinator', () => {
    render(<SettingsScreen />);
    expect(screen.queryByRole('heading', { name: 'Konta i urządzenia' })).toBeNull();
  });

  it('lets an administrator create an account and revoke a device', async () => {
    fake.session.value = loaded({ ...session, roles: ['administrator'] });
    const { container } = render(<SettingsScreen />);
    expect(await screen.findByText('Ewa Lis (ewa.lis)')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Imię i nazwisko'), { target: { value: 'Jan Kos' } });
    fireEvent.input(screen.getByLabelText('Login'), { target: { value: 'jan.kos' } });
    fireEvent.input(screen.getByLabelText('Hasło startowe (co najmniej 12 znaków, nie słowo ze słownika ani imię)'), { target: { value: 'haslo-jana-123' } });
    fireEvent.change(screen.getByLabelText('Rola'), { target: { value: 'driver' } });
    fireEvent.click(screen.getByLabelText('WTZ „Przystań”'));
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz konto' }));
    await waitFor(() => expect(actions.createAccount).toHaveBeenCalledWith({ displayName: 'Jan Kos', login: 'jan.kos', password: 'haslo-jana-123', roles: ['driver'], unitIds: ['unit-1'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Odbierz dostęp: Tablet pracownia (Ewa Lis)' }));
    await waitFor(() => expect(actions.revokeDevice).toHaveBeenCalledWith('dev-9'));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('SEC-PASSWORD-FORM: shows the server\'s reason for a guessable password in Polish under the field', async () => {
    fake.session.value = loaded({ ...session, roles: ['administrator'] });
    actions.createAccount.mockResolvedValueOnce({ ok: false, error: { code: 'invalidInput', issues: [{ path: 'password', code: 'passwordTooCommon' }] } });
    render(<SettingsScreen />);
    expect(await screen.findByText('Ewa Lis (ewa.lis)')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Imię i nazwisko'), { target: { value: 'Jan Kos' } });
    fireEvent.input(screen.getByLabelText('Login'), { target: { value: 'jan.kos' } });
    fireEvent.input(screen.getByLabelText('Hasło startowe (co najmniej 12 znaków, nie słowo ze słownika ani imię)'), { target: { value: 'Kowalski1980!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz konto' }));
    expect(await screen.findByText(/To hasło łatwo odgadnąć/)).toBeTruthy();
  });
});
