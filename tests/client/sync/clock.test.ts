// CLOCK-ENGINE (issue 13.1): the engine keeps the device's offset to the server's clock from every
// sync answer, corrects the stamps of changes made before it knew it, and resends a change the
// server refused as stamped ahead once, stamped at the corrected time; refused again, the change
// is set aside with the reason `clockAhead` (shown in words in Settings).
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDB } from '../../../src/client/storage/db';
import { getMeta, type StoredSession } from '../../../src/client/storage/meta';
import { writeChanges } from '../../../src/client/storage/write';
import { SyncEngine, type EngineStatus } from '../../../src/client/sync/engine';
import { parseHlc } from '../../../src/domain';
import { clock, context, freshDb, roomPatch } from '../storage/helpers';
import { ScriptedTransport } from './scripted-transport';

const session: StoredSession = {
  deviceId: 'dev-a', deviceToken: 'token-aaaaaaaaaaaaaaaaaaaa', userId: 'user-1', displayName: 'Ewa Lis', login: 'ewa', roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1',
};
const SERVER_T = Date.UTC(2026, 11, 7, 9);
const DAY = 24 * 3_600_000;

let db: AppDB;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('CLOCK-ENGINE: the device follows the server clock', () => {
  it('CLOCK-ENGINE-AHEAD: a tablet 3 days ahead, offline since sign-in, gets its changes accepted at the time they were made', async () => {
    db = freshDb();
    const server = clock(SERVER_T);
    const device = clock(SERVER_T + 3 * DAY);
    const t = new ScriptedTransport();
    t.serverNowMs = server.nowMs;
    // Two changes a minute apart, stamped by the device's own (wrong) clock.
    await writeChanges(db, context(device.nowMs), [{ entity: 'rooms', id: 'room-1', patch: roomPatch('Sala 1') }]);
    device.advance(60_000);
    server.advance(60_000);
    await writeChanges(db, context(device.nowMs), [{ entity: 'rooms', id: 'room-1', patch: { name: 'Sala 1 poprawiona' } }]);
    server.advance(60_000);
    device.advance(60_000);
    const statuses: EngineStatus[] = [];
    const e = new SyncEngine({ db, transport: t, session, nowMs: device.nowMs, random: () => 0.5, withLock: (task) => task(), onStatus: (s) => statuses.push(s) });
    expect(await e.sync()).toBe(true);

    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejected.count()).toBe(0);
    expect(await getMeta(db, 'clockOffsetMs')).toBe(-3 * DAY);
    expect(statuses.at(-1)?.clockOffsetMs).toBe(-3 * DAY);
    // Both accepted, stamped when they were made (server time), in their order.
    const walls = t.changes.map((c) => parseHlc(c.data.hlc as string).wall);
    expect(walls).toEqual([SERVER_T, SERVER_T + 60_000]);
    expect((await db.entity('rooms').get('room-1'))?.name).toBe('Sala 1 poprawiona');
    // The device's clock is no longer in the future: its next stamp follows the corrected time.
    expect(parseHlc((await getMeta(db, 'hlc'))!).wall).toBeLessThanOrEqual(server.nowMs());
  });

  it('CLOCK-ENGINE-LATER: a clock moved ahead while offline is noticed at the next sync, and the changes made meanwhile are corrected', async () => {
    db = freshDb();
    const server = clock(SERVER_T);
    let skew = 0;
    const device = () => server.nowMs() + skew;
    const t = new ScriptedTransport();
    t.serverNowMs = server.nowMs;
    const e = new SyncEngine({ db, transport: t, session, nowMs: device, random: () => 0.5, withLock: (task) => task() });
    expect(await e.sync()).toBe(true);
    expect(await getMeta(db, 'clockOffsetMs')).toBe(0);
    // Somebody sets the tablet a year ahead; the app still stamps with the offset it knows (0).
    skew = 365 * DAY;
    server.advance(60_000);
    await writeChanges(db, context(device), [{ entity: 'rooms', id: 'room-2', patch: roomPatch('Sala 2') }]);
    server.advance(60_000);
    expect(await e.sync()).toBe(true);
    expect(await getMeta(db, 'clockOffsetMs')).toBe(-365 * DAY);
    expect(parseHlc(t.changes.at(-1)!.data.hlc as string).wall).toBeLessThanOrEqual(server.nowMs());
    expect(await db.rejected.count()).toBe(0);
  });

  it('CLOCK-ENGINE-REFUSED: a change refused as stamped ahead twice is set aside with the reason clockAhead', async () => {
    db = freshDb();
    const server = clock(SERVER_T);
    const t = new ScriptedTransport();
    t.serverNowMs = server.nowMs;
    t.refuseStampsAfterMs = SERVER_T - DAY;
    await writeChanges(db, context(server.nowMs), [{ entity: 'rooms', id: 'room-3', patch: roomPatch('Sala 3') }]);
    const e = new SyncEngine({ db, transport: t, session, nowMs: server.nowMs, random: () => 0.5, withLock: (task) => task() });
    await e.sync();
    expect(t.pushes.map((p) => p.mutations.length)).toEqual([1, 1]);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejected.toArray()).map((r) => r.reason)).toEqual(['clockAhead']);
  });
});
