// The login page on a device without a session, over the real sign-in action and a scripted
// server: prefilled device name, field errors, and a Polish message for wrong credentials.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../../src/client/sync/transport';
import { App } from '../../../src/client/ui/App';
import { AppTransport, startFixture, stopFixture } from './app-fixture';
import { axeViolations } from './axe';

const signedOut = { signedIn: false, setup: { initialized: true, demoAvailable: false } } as const;
afterEach(() => stopFixture());

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('login page', () => {
  it('is shown when the organization exists but this device has no session, with the device name prefilled', async () => {
    await startFixture(signedOut);
    const { container } = render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Zaloguj się' })).toBeTruthy();
    expect((screen.getByLabelText('Nazwa urządzenia') as HTMLInputElement).value).toBe('Tablet');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('requires login and password before sending anything', async () => {
    const { transport } = await startFixture(signedOut);
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Zaloguj' }));
    expect(screen.getByLabelText('Login').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Hasło').getAttribute('aria-invalid')).toBe('true');
    expect(transport.callsOf('login')).toEqual([]);
  });

  it('sends the credentials and says "Nieprawidłowy login lub hasło." when refused', async () => {
    const { transport } = await startFixture(signedOut);
    render(<App />);
    type('Login', ' Terapeuta ');
    type('Hasło', 'obecni-demo-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Zaloguj' }));
    await waitFor(() => expect(transport.callsOf('login')).toEqual([[{ login: 'terapeuta', password: 'obecni-demo-2026', deviceName: 'Tablet' }]]));
    await screen.findByText('Nieprawidłowy login lub hasło.');
  });

  it('explains a missing connection on the first start', async () => {
    const transport = new AppTransport();
    transport.failing.set('setupStatus', new TransportError('network', 0));
    await startFixture({ signedIn: false, transport });
    render(<App />);
    expect(screen.getByRole('alert').textContent).toMatch(/Pierwsze uruchomienie na tym urządzeniu wymaga internetu/);
  });
});
