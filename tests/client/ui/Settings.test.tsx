// Settings: the language switch re-renders the app in English, storage info and the persistence
// request, and sign-out wipes only after a confirmation that warns about unsent changes.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../src/client/i18n';
import { PROTOCOL_VERSION } from '../../../src/protocol';
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
  signIn(makeUnit(), makeOverview());
  navigate('/ustawienia');
});
afterEach(() => {
  cleanup();
  setLanguage('pl');
});

describe('Settings', () => {
  it('switches the whole app to English (loaded on first use) and back', async () => {
    render(<App />);
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Today' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    fireEvent.click(screen.getByRole('radio', { name: 'Polski' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Ustawienia' })).toBeTruthy();
  });

  it('shows storage use in MB and asks for persistent storage', async () => {
    render(<App />);
    expect(screen.getByText('Trwałe przechowywanie: nie')).toBeTruthy();
    expect(screen.getByText('Zajęte miejsce: 5 MB z 200 MB')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Poproś o trwałe przechowywanie' }));
    expect(actions.requestPersistentStorage).toHaveBeenCalledTimes(1);
    await screen.findByText('Przeglądarka zgodziła się na trwałe przechowywanie danych.');
  });

  it('PUSH-TOO-LARGE-SHOWN: lists the changes not sent to the server by record kind and reason, without values', async () => {
    fake.rejected.value = { data: { total: 3, newest: [
      { seq: 3, entity: 'participants', reason: 'payloadTooLarge', rejectedAtMs: Date.UTC(2026, 10, 23, 9, 5) },
      { seq: 2, entity: 'dayMarks', reason: 'forbidden', rejectedAtMs: Date.UTC(2026, 10, 23, 9) },
    ] }, isLoading: false, error: null };
    const { container } = render(<App />);
    const region = screen.getByRole('region', { name: 'Zmiany niewysłane na serwer' });
    expect(region.textContent).toContain('uczestnik: zmiana jest za duża, by ją wysłać');
    expect(region.textContent).toContain('obecność w danym dniu: brak uprawnień do tej zmiany');
    expect(region.textContent).toContain('i 1 starsza');
    expect(await axeViolations(container)).toEqual([]);
    setLanguage('en');
    expect((await screen.findByRole('region', { name: 'Changes not sent to the server' })).textContent).toContain('participant: the change is too large to send');
  });

  it('shows no list of refused changes while there are none', () => {
    render(<App />);
    expect(screen.queryByRole('region', { name: 'Zmiany niewysłane na serwer' })).toBeNull();
  });

  it('signs out and wipes only after confirming, naming the changes still waiting after the last sync and their kinds', async () => {
    // Before the last sync 5 waited; 3 still wait after it: the dialog names those 3.
    fake.sync.value = { online: false, syncing: false, pending: 5, lastSyncAt: null, lastError: null };
    fake.pendingChanges.value = { total: 3, byEntity: { dayMarks: 2, absenceNotices: 1 } };
    const { container } = render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Wyloguj i usuń dane z tego urządzenia' }));
    const dialog = screen.getByRole('dialog', { name: 'Wylogować i usunąć dane?' });
    await waitFor(() => expect(dialog.textContent).toContain('Uwaga: 3 zmiany nie zostały jeszcze wysłane na serwer i zostaną utracone.'));
    expect(actions.prepareSignOut).toHaveBeenCalledTimes(1);
    expect(dialog.textContent).toContain('obecność w danym dniu: 2');
    expect(dialog.textContent).toContain('zgłoszenie nieobecności: 1');
    expect(await axeViolations(container)).toEqual([]);
    const discard = screen.getByRole('button', { name: 'Usuń dane i niewysłane zmiany' }) as HTMLButtonElement;
    expect(discard.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz niewysłane zmiany do pliku' }));
    await waitFor(() => expect(actions.exportPendingChanges).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('button', { name: 'Anuluj' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(actions.logoutAndWipe).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Wyloguj i usuń dane z tego urządzenia' }));
    fireEvent.click(await screen.findByLabelText('Rozumiem, że 3 niewysłane zmiany zostaną utracone.'));
    fireEvent.click(screen.getByRole('button', { name: 'Usuń dane i niewysłane zmiany' }));
    await waitFor(() => expect(actions.logoutAndWipe).toHaveBeenCalledWith({ total: 3, byEntity: { dayMarks: 2, absenceNotices: 1 } }));
  });

  it('signs out at once when nothing waits after the last sync', async () => {
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Wyloguj i usuń dane z tego urządzenia' }));
    const confirm = screen.getByRole('button', { name: 'Wyloguj i usuń dane' }) as HTMLButtonElement;
    await waitFor(() => expect(confirm.disabled).toBe(false));
    fireEvent.click(confirm);
    await waitFor(() => expect(actions.logoutAndWipe).toHaveBeenCalledWith(undefined));
  });

  it('shows the app version and has no axe violations', async () => {
    const { container } = render(<App />);
    expect(screen.getByText(new RegExp(`^Wersja aplikacji \\d+\\.\\d+\\.\\d+ \\(protokół ${PROTOCOL_VERSION}\\)$`))).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });
});
