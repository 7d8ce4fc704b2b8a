// The idle lock of a shared tablet, over the real lock state (PIN hashed into the device
// database): while locked nothing of the app is on the page, the right PIN opens it, wrong ones
// are counted down, and Settings sets the PIN with checks.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockNow, setPin, unlock } from '../../../src/client/state';
import { getMeta } from '../../../src/client/storage/meta';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { mondayRecords } from './fixtures';

let fixture: AppFixture;
beforeEach(async () => {
  navigate('/');
  fixture = await startFixture({ records: mondayRecords() });
});
afterEach(() => stopFixture());

/** The PIN 2468 is set on this device and the tablet is locked. */
async function lockWithPin(): Promise<void> {
  expect(await setPin('2468')).toEqual({ ok: true });
  lockNow();
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

  it('after five wrong PINs only signing out is left', async () => {
    await lockWithPin();
    for (let i = 0; i < 5; i += 1) expect(await unlock('0000')).toBe(false);
    render(<App />);
    expect(screen.queryByLabelText('PIN')).toBeNull();
    expect(screen.getByText(/Zbyt wiele nieudanych prób/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /To nie ja/ }));
    expect(screen.getByRole('dialog')).toBeTruthy();
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
    lockNow();
    expect(await unlock('2468')).toBe(true);
  });
});
