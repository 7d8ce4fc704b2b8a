// The header's status pieces over the real state layer: the sync badge in Polish plurals (changes
// written on the device, the browser offline), the update banner that never updates over unsaved
// work, the storage alert, and the unit switcher.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveChanges, useUnsavedWork } from '../../../src/client/state';
import { reportStorageProblem } from '../../../src/client/state/storage-status';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { roomPatch } from '../storage/helpers';
import { MONDAY_0842, setOnline, startFixture, stopFixture, type AppFixture } from './app-fixture';
import { makeUnit, mondayRecords } from './fixtures';

let fixture: AppFixture;
beforeEach(async () => {
  navigate('/');
  fixture = await startFixture({ records: mondayRecords() });
});
afterEach(() => stopFixture());

const badge = () => document.querySelector('.app-header .sync-badge')?.textContent;

/** Writes `n` new rooms on the device: `n` changes wait for the server. */
async function writeChanges(n: number): Promise<void> {
  const changes = Array.from({ length: n }, (_, i) => ({ entity: 'rooms' as const, id: `room-new-${i}`, patch: roomPatch(`Sala ${i}`) }));
  expect(await saveChanges(changes)).toEqual({ ok: true });
}

/** A form of the screen holding unsaved input. */
function DirtyForm() {
  useUnsavedWork(true);
  return null;
}

describe('sync badge', () => {
  it.each([
    [1, 'Offline · 1 zmiana czeka'],
    [3, 'Offline · 3 zmiany czekają'],
    [5, 'Offline · 5 zmian czeka'],
    [12, 'Offline · 12 zmian czeka'],
    [22, 'Offline · 22 zmiany czekają'],
  ])('offline with %i waiting → "%s"', async (pending, text) => {
    act(() => setOnline(false));
    await writeChanges(pending);
    render(<App />);
    await waitFor(() => expect(badge()).toBe(text));
  });

  it('shows the time of the last sync when everything is sent, and follows changes live', async () => {
    // The badge shows the device's local time of the sync (the clock stands at MONDAY_0842).
    const at = new Date(MONDAY_0842);
    const synced = `Zsynchronizowano ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Synchronizuj teraz' }));
    await waitFor(() => expect(badge()).toBe(synced));
    const release = fixture.transport.hold();
    fireEvent.click(screen.getByRole('button', { name: 'Synchronizuj teraz' }));
    await waitFor(() => expect(badge()).toBe('Synchronizacja…'));
    release();
    await waitFor(() => expect(badge()).toBe(synced));
  });

  it('"Synchronizuj teraz" starts a sync, and is disabled offline', async () => {
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Synchronizuj teraz' }));
    await waitFor(() => expect(fixture.transport.callsOf('pull')).toHaveLength(1));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Synchronizuj teraz' }) as HTMLButtonElement).disabled).toBe(false));
    act(() => setOnline(false));
    expect((screen.getByRole('button', { name: 'Synchronizuj teraz' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('update banner', () => {
  it('offers the update when nothing is unsaved', () => {
    fixture.serviceWorker.announceUpdate();
    render(<App />);
    expect(screen.getByText('Dostępna jest nowa wersja Obecni.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Zaktualizuj' }));
    expect(fixture.serviceWorker.skipWaitingCalls).toBe(1);
  });

  it('is disabled and asks to save first while there is unsaved work', () => {
    fixture.serviceWorker.announceUpdate();
    render(<><App /><DirtyForm /></>);
    const button = screen.getByRole('button', { name: 'Zaktualizuj' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByText(/Najpierw zapisz lub zamknij otwarty formularz/)).toBeTruthy();
    fireEvent.click(button);
    expect(fixture.serviceWorker.skipWaitingCalls).toBe(0);
  });

  it('is absent when there is no update', () => {
    render(<App />);
    expect(screen.queryByText('Dostępna jest nowa wersja Obecni.')).toBeNull();
  });
});

describe('storage problem', () => {
  it('alerts in Polish and offers a reload when the database changed in another tab', async () => {
    render(<App />);
    // Another tab opens the same database with a newer version.
    const newer = new Dexie(fixture.db.name);
    newer.version(Math.round(fixture.db.verno) + 1).stores({});
    await newer.open();
    newer.close();
    expect((await screen.findByRole('alert')).textContent).toMatch(/zaktualizowane w innej karcie/);
    expect(screen.getByRole('button', { name: 'Odśwież stronę' })).toBeTruthy();
  });

  it('explains a full disk without a reload button', () => {
    reportStorageProblem({ code: 'quotaExceeded' });
    render(<App />);
    expect(screen.getByRole('alert').textContent).toMatch(/Brak miejsca na tablecie/);
    expect(screen.queryByRole('button', { name: 'Odśwież stronę' })).toBeNull();
  });
});

describe('header', () => {
  it('names the signed-in user and switches units through a labelled select', async () => {
    await fixture.seed({ units: [makeUnit({ id: 'unit-2', name: 'Dzienny Dom Senior+' })] });
    render(<App />);
    expect(screen.getByText('Zalogowano: Ewa Lis')).toBeTruthy();
    await screen.findByRole('option', { name: 'Dzienny Dom Senior+' });
    fireEvent.change(screen.getByLabelText('Placówka'), { target: { value: 'unit-2' } });
    expect(await screen.findByText('Placówka: Dzienny Dom Senior+')).toBeTruthy();
    expect(await fixture.db.meta.get('currentUnitId')).toEqual({ key: 'currentUnitId', value: 'unit-2' });
  });
});
