// The login page on a device without a session: prefilled device name, field errors, and a Polish
// message for wrong credentials.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/client/ui/App';
import { axeViolations } from './axe';
import { actions, fake, loaded, resetFake } from './fake-state';

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
  fake.setup.value = loaded({ initialized: true, demoAvailable: false });
});
afterEach(() => cleanup());

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('login page', () => {
  it('is shown when the organization exists but this device has no session, with the device name prefilled', async () => {
    const { container } = render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Zaloguj się' })).toBeTruthy();
    expect((screen.getByLabelText('Nazwa urządzenia') as HTMLInputElement).value).toBe('Tablet');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('requires login and password before sending anything', () => {
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Zaloguj' }));
    expect(screen.getByLabelText('Login').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Hasło').getAttribute('aria-invalid')).toBe('true');
    expect(actions.login).not.toHaveBeenCalled();
  });

  it('sends the credentials and says "Nieprawidłowy login lub hasło." when refused', async () => {
    actions.login.mockResolvedValueOnce({ ok: false, error: { code: 'unauthorized' } });
    render(<App />);
    type('Login', ' Terapeuta ');
    type('Hasło', 'obecni-demo-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Zaloguj' }));
    await waitFor(() => expect(actions.login).toHaveBeenCalledWith({ login: 'terapeuta', password: 'obecni-demo-2026', deviceName: 'Tablet' }));
    await screen.findByText('Nieprawidłowy login lub hasło.');
  });

  it('explains a missing connection on the first start', () => {
    fake.setup.value = { data: undefined, isLoading: false, error: { code: 'network' } };
    render(<App />);
    expect(screen.getByRole('alert').textContent).toMatch(/Pierwsze uruchomienie na tym urządzeniu wymaga internetu/);
  });
});
