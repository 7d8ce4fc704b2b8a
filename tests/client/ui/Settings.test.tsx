// Settings over the real state layer: the language switch re-renders the app in English, storage
// info and the persistence request (the browser's storage manager), and sign-out wipes the device
// only after a confirmation that warns about unsent changes.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../src/client/i18n';
import { PROTOCOL_VERSION } from '../../../src/protocol';
import { saveChanges } from '../../../src/client/state';
import type { RejectedEntry } from '../../../src/client/storage/db';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { roomPatch } from '../storage/helpers';
import { setOnline, startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { makeMark, makeNotice, mondayRecords, withoutMeta } from './fixtures';

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
    fireEvent.click(await screen.findByRole('radio', { name: 'English' }));
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

  it('CLOCK-REJECTED-SHOWN: a change refused as stamped ahead of the server says why in words', async () => {
    await fixture.db.rejected.bulkAdd([refused('dayMarks', 'clockAhead', Date.UTC(2026, 10, 23, 9))]);
    render(<App />);
    const region = await screen.findByRole('region', { name: 'Zmiany niewysłane na serwer' });
    expect(region.textContent).toContain('obecność w danym dniu: zegar urządzenia wyprzedzał zegar serwera; popraw datę i godzinę w ustawieniach');
    act(() => setLanguage('en'));
    expect((await screen.findByRole('region', { name: 'Changes not sent to the server' })).textContent).toContain("the device's clock was ahead of the server's");
  });

  it('shows no list of refused changes while there are none', async () => {
    render(<App />);
    await screen.findByText('Trwałe przechowywanie: nie');
    expect(screen.queryByRole('region', { name: 'Zmiany niewysłane na serwer' })).toBeNull();
  });

  it('signs out and wipes only after confirming, naming the changes still waiting after the last sync and their kinds', async () => {
    // Offline, 5 changes wait: 2 rooms, 2 marks, 1 notice. Back online, the last sync sends the
    // rooms, but the server is cut off before the marks and the notice: the dialog names those 3.
    act(() => setOnline(false));
    fixture.transport.down = true;
    expect(await saveChanges([
      ...[0, 1].map((i) => ({ entity: 'rooms' as const, id: `room-new-${i}`, patch: roomPatch(`Sala ${i}`) })),
      { entity: 'dayMarks', id: 'dm:p-zofia:2026-11-23', patch: withoutMeta(makeMark('p-zofia', 'present')) },
      { entity: 'dayMarks', id: 'dm:p-anna:2026-11-23', patch: withoutMeta(makeMark('p-anna', 'present')) },
      { entity: 'absenceNotices', id: 'notice-new', patch: withoutMeta(makeNotice('p-jan')) },
    ])).toEqual({ ok: true });
    const { container } = render(<App />);
    await waitFor(() => expect(document.querySelector('.sync-badge')?.textContent).toBe('Offline · 5 zmian czeka'));
    act(() => setOnline(true));
    fixture.transport.down = false;
    fixture.transport.holdBack.add('dayMarks').add('absenceNotices');
    const files: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      files.push(blob);
      return 'blob:pending';
    });
    URL.revokeObjectURL = vi.fn();

    fireEvent.click(screen.getByRole('button', { name: 'Wyloguj i usuń dane z tego urządzenia' }));
    const dialog = screen.getByRole('dialog', { name: 'Wylogować i usunąć dane?' });
    await waitFor(() => expect(dialog.textContent).toContain('Uwaga: 3 zmiany nie zostały jeszcze wysłane na serwer i zostaną utracone.'));
    expect(fixture.transport.pushes.flatMap((p) => p.mutations.map((m) => m.recordId)).sort()).toEqual(['room-new-0', 'room-new-1']);
    expect(dialog.textContent).toContain('obecność w danym dniu: 2');
    expect(dialog.textContent).toContain('zgłoszenie nieobecności: 1');
    expect(await axeViolations(container)).toEqual([]);
    const discard = screen.getByRole('button', { name: 'Usuń dane i niewysłane zmiany' }) as HTMLButtonElement;
    expect(discard.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz niewysłane zmiany do pliku' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect((JSON.parse(await files[0]!.text()) as { changes: { recordId: string }[] }).changes.map((c) => c.recordId))
      .toEqual(['dm:p-zofia:2026-11-23', 'dm:p-anna:2026-11-23', 'notice-new']);
    fireEvent.click(screen.getByRole('button', { name: 'Anuluj' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fixture.transport.callsOf('logout')).toEqual([]);
    expect(await fixture.outbox()).toHaveLength(3);

    fireEvent.click(screen.getByRole('button', { name: 'Wyloguj i usuń dane z tego urządzenia' }));
    fireEvent.click(await screen.findByLabelText('Rozumiem, że 3 niewysłane zmiany zostaną utracone.'));
    fireEvent.click(screen.getByRole('button', { name: 'Usuń dane i niewysłane zmiany' }));
    await waitFor(() => expect(fixture.transport.callsOf('logout')).toEqual([['token-aaaaaaaaaaaaaaaaaaaaaaaa']]));
    expect(await screen.findByRole('heading', { level: 1, name: 'Zaloguj się' })).toBeTruthy();
    expect(await fixture.outbox()).toEqual([]);
  });

  it('signs out at once when nothing waits after the last sync', async () => {
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Wyloguj i usuń dane z tego urządzenia' }));
    const confirm = screen.getByRole('button', { name: 'Wyloguj i usuń dane' }) as HTMLButtonElement;
    await waitFor(() => expect(confirm.disabled).toBe(false));
    fireEvent.click(confirm);
    await waitFor(() => expect(fixture.transport.callsOf('logout')).toEqual([['token-aaaaaaaaaaaaaaaaaaaaaaaa']]));
    expect(await screen.findByRole('heading', { level: 1, name: 'Zaloguj się' })).toBeTruthy();
    expect(await fixture.records('participants')).toEqual([]);
  });

  it('shows the app version and has no axe violations', async () => {
    const { container } = render(<App />);
    expect(screen.getByText(new RegExp(`^Wersja aplikacji \\d+\\.\\d+\\.\\d+ \\(protokół ${PROTOCOL_VERSION}\\)$`))).toBeTruthy();
    await screen.findByText('Trwałe przechowywanie: nie');
    expect(await axeViolations(container)).toEqual([]);
  });
});
