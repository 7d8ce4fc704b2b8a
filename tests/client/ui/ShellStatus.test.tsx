// The header's status pieces: the sync badge in Polish plurals, the update banner that never
// updates over unsaved work, the storage alert, and the unit switcher.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
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

const badge = () => document.querySelector('.app-header .sync-badge')?.textContent;

describe('sync badge', () => {
  it.each([
    [1, 'Offline · 1 zmiana czeka'],
    [3, 'Offline · 3 zmiany czekają'],
    [5, 'Offline · 5 zmian czeka'],
    [12, 'Offline · 12 zmian czeka'],
    [22, 'Offline · 22 zmiany czekają'],
  ])('offline with %i waiting → "%s"', (pending, text) => {
    fake.sync.value = { online: false, syncing: false, pending, lastSyncAt: null, lastError: null };
    render(<App />);
    expect(badge()).toBe(text);
  });

  it('shows the time of the last sync when everything is sent, and follows changes live', () => {
    fake.sync.value = { online: true, syncing: false, pending: 0, lastSyncAt: new Date(2026, 10, 23, 12, 4).getTime(), lastError: null };
    render(<App />);
    expect(badge()).toBe('Zsynchronizowano 12:04');
    act(() => {
      fake.sync.value = { ...fake.sync.value, syncing: true };
    });
    expect(badge()).toBe('Synchronizacja…');
  });

  it('"Synchronizuj teraz" starts a sync, and is disabled offline', () => {
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Synchronizuj teraz' }));
    expect(actions.syncNow).toHaveBeenCalledTimes(1);
    act(() => {
      fake.sync.value = { ...fake.sync.value, online: false };
    });
    expect((screen.getByRole('button', { name: 'Synchronizuj teraz' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('update banner', () => {
  it('offers the update when nothing is unsaved', () => {
    fake.updateAvailable.value = true;
    render(<App />);
    expect(screen.getByText('Dostępna jest nowa wersja Obecni.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Zaktualizuj' }));
    expect(actions.applyUpdate).toHaveBeenCalledTimes(1);
  });

  it('is disabled and asks to save first while there is unsaved work', () => {
    fake.updateAvailable.value = true;
    fake.unsavedWork.value = true;
    render(<App />);
    const button = screen.getByRole('button', { name: 'Zaktualizuj' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByText(/Najpierw zapisz lub zamknij otwarty formularz/)).toBeTruthy();
    fireEvent.click(button);
    expect(actions.applyUpdate).not.toHaveBeenCalled();
  });

  it('is absent when there is no update', () => {
    render(<App />);
    expect(screen.queryByText('Dostępna jest nowa wersja Obecni.')).toBeNull();
  });
});

describe('storage problem', () => {
  it('alerts in Polish and offers a reload when the database changed in another tab', () => {
    fake.storageProblem.value = { code: 'versionChanged' };
    render(<App />);
    expect(screen.getByRole('alert').textContent).toMatch(/zaktualizowane w innej karcie/);
    expect(screen.getByRole('button', { name: 'Odśwież stronę' })).toBeTruthy();
  });

  it('explains a full disk without a reload button', () => {
    fake.storageProblem.value = { code: 'quotaExceeded' };
    render(<App />);
    expect(screen.getByRole('alert').textContent).toMatch(/Brak miejsca na tablecie/);
    expect(screen.queryByRole('button', { name: 'Odśwież stronę' })).toBeNull();
  });
});

describe('header', () => {
  it('names the signed-in user and switches units through a labelled select', () => {
    fake.units.value = [makeUnit(), makeUnit({ id: 'unit-2', name: 'Dzienny Dom Senior+' })];
    render(<App />);
    expect(screen.getByText('Zalogowano: Ewa Lis')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Placówka'), { target: { value: 'unit-2' } });
    expect(actions.selectUnit).toHaveBeenCalledWith('unit-2');
  });
});
