// The idle lock of a shared tablet, over the real lock state (PIN hashed into the device
// database): while locked nothing of the app is on the page, the right PIN opens it, wrong ones
// are counted down, and Settings sets the PIN with checks.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockNow, setPin, unlock } from '../../../src/client/state';
import { getMeta } from '../../../src/client/storage/meta';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { PASSWORD, startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { mondayRecords } from './fixtures';

let fixture: AppFixture;
beforeEach(async () => {
  navigate('/');
  fixture = await startFixture({ records: mondayRecords(), password: PASSWORD });
});
afterEach(() => stopFixture());

/** The PIN 2468 is set on this device and the tablet is locked. */
async function lockWithPin(): Promise<void> {
  expect(await setPin('2468')).toEqual({ ok: true });
  await lockNow();
}

describe('idle lock', () => {
  it('hides every screen while locked and opens with the right PIN', async () => {
    await lockWithPin();
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
    await lockWithPin();
    // Five wrong PINs, then one wrong password: 6 of the 10 attempts before the wipe.
    for (let i = 0; i < 6; i += 1) expect(await unlock('0000')).toBe(false);
    const { container } = render(<App />);
    expect(screen.queryByLabelText('PIN')).toBeNull();
    expect(screen.getByLabelText('Hasło')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Nieprawidłowe hasło. Jeszcze 4 nieudane próby usuną wszystkie dane Obecni z tego urządzenia.');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('after five wrong PINs, with no password kept on the device, only signing out is left', async () => {
    await startFixture({ records: mondayRecords() });
    await lockWithPin();
    for (let i = 0; i < 5; i += 1) expect(await unlock('0000')).toBe(false);
    render(<App />);
    expect(screen.queryByLabelText('PIN')).toBeNull();
    expect(screen.getByRole('alert').textContent).toMatch(/Zbyt wiele nieudanych prób. Wyloguj/);
    fireEvent.click(screen.getByRole('button', { name: /To nie ja/ }));
    expect(await screen.findByRole('dialog')).toBeTruthy();
  });

  it('Settings refuses a short or mismatched PIN and saves a good one', async () => {
    navigate('/ustawienia');
    render(<App />);
    fireEvent.input(await screen.findByLabelText('Nowy PIN (4–8 cyfr)'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz PIN' }));
    expect(await screen.findByText('PIN to od 4 do 8 cyfr.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Nowy PIN (4–8 cyfr)'), { target: { value: '2468' } });
    fireEvent.input(screen.getByLabelText('Powtórz PIN'), { target: { value: '2469' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz PIN' }));
    expect(await screen.findByText('PIN-y nie są takie same.')).toBeTruthy();
    expect(await getMeta(fixture.db, 'pin')).toBeUndefined();
    fireEvent.input(screen.getByLabelText('Powtórz PIN'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz PIN' }));
    expect(await screen.findByText('PIN zapisany.')).toBeTruthy();
    // Only a hash is stored; the PIN it was made from opens the lock.
    expect(JSON.stringify(await getMeta(fixture.db, 'pin'))).not.toContain('2468');
    await lockNow();
    expect(await unlock('2468')).toBe(true);
  });
});
