// Settings over the real state layer: the language switch re-renders the app in English, storage
// info and the persistence request (the browser's storage manager), and sign-out wipes the device
// only after a confirmation that warns about unsent changes.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/client/i18n';
import { PROTOCOL_VERSION } from '../../../src/protocol';
import { saveChanges } from '../../../src/client/state';
import type { RejectedEntry } from '../../../src/client/storage/db';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { roomPatch } from '../storage/helpers';
import { setOnline, startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { mondayRecords } from './fixtures';

let fixture: AppFixture;
beforeEach(async () => {
  fixture = await startFixture({ records: mondayRecords() });
  navigate('/ustawienia');
});
afterEach(() => {
  stopFixture();
  setLanguage('pl');
});

/** A change the server refused, as the sync engine sets it aside. */
const refused = (entity: RejectedEntry['entity'], reason: string, rejectedAtMs: number): RejectedEntry => ({
  mutationId: `m-${rejectedAtMs}`, entity, recordId: 'r-1', hlc: '0000000000000:0000:dev-1', patch: { notes: 'nie pokazywać' }, deleted: false, createdAtMs: rejectedAtMs, reason, rejectedAtMs,
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
    expect(await screen.findByText('Trwałe przechowywanie: nie')).toBeTruthy();
    expect(screen.getByText('Zajęte miejsce: 5 MB z 200 MB')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Poproś o trwałe przechowywanie' }));
    await screen.findByText('Przeglądarka zgodziła się na trwałe przechowywanie danych.');
    expect(fixture.storage.persistCalls).toBe(1);
    expect(await screen.findByText('Trwałe przechowywanie: tak')).toBeTruthy();
  });

  it('PUSH-TOO-LARGE-SHOWN: lists the changes not sent to the server by record kind and reason, without values', async () => {
    // 21 refusals: the card lists the newest 20 and counts the one older.
    const older = Array.from({ length: 19 }, (_, i) => refused('rooms', 'invalidRecord', Date.UTC(2026, 10, 23, 8, i)));
    await fixture.db.rejected.bulkAdd([
      ...older,
      refused('dayMarks', 'forbidden', Date.UTC(2026, 10, 23, 9)),
      refused('participants', 'payloadTooLarge', Date.UTC(2026, 10, 23, 9, 5)),
    ]);
    const { container } = render(<App />);
    const region = await screen.findByRole('region', { name: 'Zmiany niewysłane na serwer' });
    expect(region.textContent).toContain('uczestnik: zmiana jest za duża, by ją wysłać');
    expect(region.textContent).toContain('obecność w danym dniu: brak uprawnień do tej zmiany');
    expect(region.textContent).toContain('i 1 starsza');
    expect(region.textContent).not.toContain('nie pokazywać');
    expect(await axeViolations(container)).toEqual([]);
    act(() => setLanguage('en'));
    expect((await screen.findByRole('region', { name: 'Changes not sent to the server' })).textContent).toContain('participant: the change is too large to send');
  });

  it('shows no list of refused changes while there are none', async () => {
    render(<App />);
    await screen.findByText('Trwałe przechowywanie: nie');
    expect(screen.queryByRole('region', { name: 'Zmiany niewysłane na serwer' })).toBeNull();
  });

  it('signs out and wipes only after confirming, warning about unsent changes', async () => {
    act(() => setOnline(false));
    const changes = [0, 1, 2].map((i) => ({ entity: 'rooms' as const, id: `room-new-${i}`, patch: roomPatch(`Sala ${i}`) }));
    expect(await saveChanges(changes)).toEqual({ ok: true });
    const { container } = render(<App />);
    await waitFor(() => expect(document.querySelector('.sync-badge')?.textContent).toBe('Offline · 3 zmiany czekają'));
    fireEvent.click(screen.getByRole('button', { name: 'Wyloguj i usuń dane z tego urządzenia' }));
    const dialog = screen.getByRole('dialog', { name: 'Wylogować i usunąć dane?' });
    expect(dialog.textContent).toContain('Uwaga: 3 zmiany nie zostały jeszcze wysłane na serwer i zostaną utracone.');
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Anuluj' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fixture.transport.callsOf('logout')).toEqual([]);
    expect(await fixture.outbox()).toHaveLength(3);

    fireEvent.click(screen.getByRole('button', { name: 'Wyloguj i usuń dane z tego urządzenia' }));
    fireEvent.click(screen.getByRole('button', { name: 'Wyloguj i usuń dane' }));
    await waitFor(() => expect(fixture.transport.callsOf('logout')).toEqual([['token-aaaaaaaaaaaaaaaaaaaaaaaa']]));
    expect(await screen.findByRole('heading', { level: 1, name: 'Zaloguj się' })).toBeTruthy();
    expect(await fixture.outbox()).toEqual([]);
  });

  it('shows the app version and has no axe violations', async () => {
    const { container } = render(<App />);
    expect(screen.getByText(new RegExp(`^Wersja aplikacji \\d+\\.\\d+\\.\\d+ \\(protokół ${PROTOCOL_VERSION}\\)$`))).toBeTruthy();
    await screen.findByText('Trwałe przechowywanie: nie');
    expect(await axeViolations(container)).toEqual([]);
  });
});
