// The idle lock of a shared tablet: while locked nothing of the app is on the page, the right
// PIN opens it, wrong ones are counted down, and Settings sets the PIN with checks.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { axeViolations } from './axe';
import { actions, fake, resetFake, signIn } from './fake-state';
import { makeOverview, makeUnit } from './fixtures';

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
  navigate('/');
  signIn(makeUnit(), makeOverview());
});
afterEach(() => cleanup());

describe('idle lock', () => {
  it('hides every screen while locked and opens with the right PIN', async () => {
    fake.lock.value = { locked: true, hasPin: true, failures: 0, minutes: 5, wipeAfter: 10, hasPassword: true };
    const { container } = render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Ekran zablokowany' })).toBeTruthy();
    expect(screen.queryByText('Kowalska Anna')).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.input(screen.getByLabelText('PIN'), { target: { value: '1111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Odblokuj' }));
    expect(await screen.findByText('Nieprawidłowy PIN. Zostały 4 próby.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('PIN'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: 'Odblokuj' }));
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Menu główne' })).toBeTruthy());
  });

  it('after five wrong PINs asks for the password and says how many attempts are left before the wipe', async () => {
    fake.lock.value = { locked: true, hasPin: true, failures: 6, minutes: 5, wipeAfter: 10, hasPassword: true };
    const { container } = render(<App />);
    expect(screen.queryByLabelText('PIN')).toBeNull();
    expect(screen.getByLabelText('Hasło')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Nieprawidłowe hasło. Jeszcze 4 nieudane próby usuną wszystkie dane Obecni z tego urządzenia.');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('after five wrong PINs, with no password kept on the device, only signing out is left', () => {
    fake.lock.value = { locked: true, hasPin: true, failures: 5, minutes: 5, wipeAfter: 10, hasPassword: false };
    render(<App />);
    expect(screen.queryByLabelText('PIN')).toBeNull();
    expect(screen.getByRole('alert').textContent).toMatch(/Zbyt wiele nieudanych prób. Wyloguj/);
    fireEvent.click(screen.getByRole('button', { name: /To nie ja/ }));
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('Settings refuses a short or mismatched PIN and saves a good one', async () => {
    navigate('/ustawienia');
    render(<App />);
    fireEvent.input(screen.getByLabelText('Nowy PIN (4–8 cyfr)'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz PIN' }));
    expect(await screen.findByText('PIN to od 4 do 8 cyfr.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Nowy PIN (4–8 cyfr)'), { target: { value: '2468' } });
    fireEvent.input(screen.getByLabelText('Powtórz PIN'), { target: { value: '2469' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz PIN' }));
    expect(await screen.findByText('PIN-y nie są takie same.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Powtórz PIN'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz PIN' }));
    await waitFor(() => expect(actions.setPin).toHaveBeenCalledWith('2468'));
    expect(await screen.findByText('PIN zapisany.')).toBeTruthy();
  });
});
