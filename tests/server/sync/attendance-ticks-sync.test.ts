/**
 * TICKS-SYNC: "never losing a tick", end to end (the real client data layer and the changes the
 * attendance actions build, against the real server on PGlite). Tablet B marks X absent with a
 * reason; tablet A, which has not pulled it, taps "mark the rest present" with X among the rest.
 * Whichever reaches the server first, X stays absent on the server and on both tablets; A's undo
 * of its fill-in removes only its own defaults, never B's mark, even when the undo gets there
 * before B's mark does. A plain "present" tap on A keeps the note and arrival time typed on B, and
 * a mark cleared earlier is no mark for the fill-in.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../src/client/storage/db';
import type { StoredSession } from '../../../src/client/storage/meta';
import { getRows } from '../../../src/client/storage/queries';
import { writeChanges, type Change, type WriteContext } from '../../../src/client/storage/write';
import { SyncEngine } from '../../../src/client/sync/engine';
import { HttpTransport } from '../../../src/client/sync/transport';
import { dayMarkId, markChange, remainingPresentChanges, undoFillChanges, type MarkChoice } from '../../../src/domain';
import type { SessionInfo } from '../../../src/protocol';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { setUp, testApp, type TestApp } from '../helpers';
import { accountWithDevice } from '../http/hostile-helpers';

const DAY = '2026-11-23';

interface Device { name: string; db: AppDB; engine: SyncEngine; ctx: WriteContext; advance: (ms: number) => void }

describe('TICKS-SYNC: a bulk "present" and a plain tap never overwrite another tablet’s mark', () => {
  let store: Store;
  let app: TestApp;
  let unitId: string;
  let org: string;
  let admin: SessionInfo;
  const all: Device[] = [];
  /**
   * Each test's tablets start their clocks a day after the last test's (08:00 on day `round`): a
   * tablet's clock moves past every stamp it pulls, so the stamps of earlier tests would blur the
   * order of this test's taps.
   */
  let round = 0;
  beforeEach(() => { round += 1; });

  /** A therapist's tablet, signed in with its own device; its clock starts at 08:00 of the test's round. */
  async function device(name: string): Promise<Device> {
    const s = await accountWithDevice(store, admin, 'therapist', [unitId], `terapeuta.${name.toLowerCase()}`);
    const stored: StoredSession = { deviceId: s.deviceId, deviceToken: s.deviceToken, userId: s.user.id, displayName: s.user.displayName, login: s.user.login, roles: s.user.roles, unitIds: s.user.unitIds, organizationId: s.user.organizationId };
    let t = Date.UTC(2026, 10, 23, 8) + round * 86_400_000;
    const nowMs = () => t;
    const db = new AppDB(`ticks-sync-${name}-${Date.now()}-${all.length}`);
    const transport = new HttpTransport('http://obecni.test', (input, init) => Promise.resolve(app.request(input, init)));
    const d: Device = {
      name, db, engine: new SyncEngine({ db, transport, session: stored, nowMs, random: () => 0.5, withLock: (task) => task() }),
      ctx: { deviceId: s.deviceId, userId: s.user.id, organizationId: s.user.organizationId, nowMs }, advance: (ms) => { t += ms; },
    };
    all.push(d);
    expect(await d.engine.sync()).toBe(true);
    return d;
  }

  /** markDay as the action builds it from what the tablet holds. */
  async function tap(d: Device, participantId: string, choice: MarkChoice): Promise<void> {
    const [row] = await getRows(d.db, 'dayMarks', [dayMarkId(participantId, DAY)]);
    await writeChanges(d.db, d.ctx, [markChange(unitId, DAY, participantId, choice, row ?? null, [])]);
  }

  /** "Mark the rest present" as the action builds it; returns what its undo needs. */
  async function fillRest(d: Device, participantIds: string[]): Promise<{ id: string; values: Record<string, unknown> }[]> {
    const rows = await getRows(d.db, 'dayMarks', participantIds.map((p) => dayMarkId(p, DAY)));
    const changes = remainingPresentChanges(unitId, DAY, participantIds, rows);
    await writeChanges(d.db, d.ctx, changes);
    return changes.flatMap((c) => ('patch' in c ? [{ id: c.id, values: c.patch as Record<string, unknown> }] : []));
  }

  /** The toolbar's "Cofnij" after a fill-in, as undoLastChange builds it. */
  async function undoFill(d: Device, filled: { id: string; values: Record<string, unknown> }[]): Promise<Change[]> {
    const changes = undoFillChanges(filled, await getRows(d.db, 'dayMarks', filled.map((f) => f.id)));
    await writeChanges(d.db, d.ctx, changes);
    return changes;
  }

  /** The mark of `participantId` on the server and on every tablet, after all have synced. */
  async function everywhere(participantId: string, expected: Record<string, unknown> | 'none'): Promise<void> {
    for (const d of all) expect(await d.engine.sync(), d.name).toBe(true);
    for (const d of all) expect(await d.engine.sync(), d.name).toBe(true);
    const id = dayMarkId(participantId, DAY);
    const server = await store.sync.getRecord(org, 'dayMarks', id);
    if (expected === 'none') expect(server === null || server.deleted).toBe(true);
    else expect(server?.data).toMatchObject({ ...expected, deleted: false });
    for (const d of all) {
      const row = await d.db.entity('dayMarks').get(id);
      if (expected === 'none') expect(row === undefined || row.deleted, d.name).toBe(true);
      else expect(row, d.name).toMatchObject({ ...expected, deleted: false });
      expect(await d.db.outbox.count(), d.name).toBe(0);
      expect(await d.db.rejected.count(), d.name).toBe(0);
    }
  }

  const ABSENT = { status: 'absent', absenceReason: 'hospital', arrivalTime: null, leaveTime: null };
  const FILLED = { status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' };

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    // The server's own stamps (the setup's records) come before the tablets' clocks (08:00), so
    // the tablets' stamps follow their clocks and the order of the taps is the one written here.
    // After the setup, the server's clock is the evening of the test's day: every tablet's stamp of
    // the day is behind it, so none is refused as stamped ahead (CLOCK-AHEAD) and none is moved.
    app = testApp(store, { clock: () => (round === 0 ? Date.UTC(2026, 10, 23, 7) : Date.UTC(2026, 10, 23, 20) + round * 86_400_000) }).app;
    admin = await setUp(app);
    unitId = admin.user.unitIds[0]!;
    org = admin.user.organizationId;
  });
  afterAll(async () => {
    for (const d of all) {
      d.engine.stop();
      d.db.close();
    }
    await store.close();
  });

  it('TICKS-FILL-AFTER: B’s absence reaches the server first, A’s later "rest present" leaves it; A’s undo removes only its own fill-in', async () => {
    const a = await device('A');
    const b = await device('B');
    // 08:30 on B: X absent, in hospital. B syncs; A does not pull.
    b.advance(30 * 60_000);
    await tap(b, 'x-1', { status: 'absent', absenceReason: 'hospital' });
    expect(await b.engine.sync()).toBe(true);
    // 09:00 on A, offline: everyone A sees unmarked is marked present, X among them.
    a.advance(60 * 60_000);
    const filled = await fillRest(a, ['x-1', 'y-1']);
    expect(filled.map((f) => f.id)).toEqual([dayMarkId('x-1', DAY), dayMarkId('y-1', DAY)]);
    // A's "present" is stamped after B's absence: last-writer-wins alone would let it win.
    const [aStamp] = (await a.db.outbox.toArray()).map((e) => e.hlc);
    expect(aStamp! > (await b.db.entity('dayMarks').get(dayMarkId('x-1', DAY)))!.hlc).toBe(true);
    await everywhere('x-1', ABSENT);
    await everywhere('y-1', FILLED);

    // A's "Cofnij": X holds B's mark now, so only Y's fill-in is undone.
    a.advance(60_000);
    expect((await undoFill(a, filled)).map((c) => c.id)).toEqual([dayMarkId('y-1', DAY)]);
    await everywhere('x-1', ABSENT);
    await everywhere('y-1', 'none');
  });

  it('TICKS-FILL-BEFORE: A’s "rest present" reaches the server first, B’s earlier-stamped absence still wins', async () => {
    const a = await device('A2');
    const b = await device('B2');
    a.advance(60 * 60_000);
    await fillRest(a, ['x-2', 'y-2']);
    expect(await a.engine.sync()).toBe(true);
    // B marked X absent at 08:30, offline, and syncs only now.
    b.advance(30 * 60_000);
    await tap(b, 'x-2', { status: 'absent', absenceReason: 'hospital' });
    expect((await b.db.outbox.toArray())[0]!.hlc < (await a.db.entity('dayMarks').get(dayMarkId('x-2', DAY)))!.hlc).toBe(true);
    await everywhere('x-2', ABSENT);
    await everywhere('y-2', FILLED);
  });

  it('TICKS-UNDO-BEFORE: A fills in and undoes before B’s absence arrives: B’s mark stays', async () => {
    const a = await device('A3');
    const b = await device('B3');
    a.advance(60 * 60_000);
    const filled = await fillRest(a, ['x-3', 'y-3']);
    expect(await a.engine.sync()).toBe(true);
    a.advance(60_000);
    // Nothing of B has arrived: A's undo takes both of its defaults away, as a delete of defaults.
    const undo = await undoFill(a, filled);
    expect(undo).toHaveLength(2);
    expect(await a.db.outbox.toArray()).toEqual(expect.arrayContaining([expect.objectContaining({ recordId: dayMarkId('x-3', DAY), deleted: true, onlyDefaults: expect.objectContaining({ status: 'present' }) })]));
    expect(await a.engine.sync()).toBe(true);
    expect((await store.sync.getRecord(org, 'dayMarks', dayMarkId('x-3', DAY)))?.deleted).toBe(true);
    // B's mark, stamped at 08:30 (before A's undo), arrives now and is not hidden by it.
    b.advance(30 * 60_000);
    await tap(b, 'x-3', { status: 'absent', absenceReason: 'hospital' });
    await everywhere('x-3', ABSENT);
    await everywhere('y-3', 'none');
  });

  it('TICKS-UNDO-AFTER: B’s mark reached the server but not A: A’s undo deletes nothing of it', async () => {
    const a = await device('A4');
    const b = await device('B4');
    a.advance(60 * 60_000);
    const filled = await fillRest(a, ['x-4']);
    expect(await a.engine.sync()).toBe(true);
    b.advance(90 * 60_000);
    await tap(b, 'x-4', { status: 'absent', absenceReason: 'hospital' });
    expect(await b.engine.sync()).toBe(true);
    // A still shows its own "present" (not pulled) and undoes it.
    a.advance(40 * 60_000);
    expect(await undoFill(a, filled)).toHaveLength(1);
    await everywhere('x-4', ABSENT);
  });

  it.each([['B first', true], ['A first', false]] as const)('TICKS-NOTE (%s): a note and an arrival time typed on B survive A’s plain "present" tap', async (_label, bFirst) => {
    const a = await device(`A5-${bFirst}`);
    const b = await device(`B5-${bFirst}`);
    const p = `z-${bFirst}`;
    b.advance(20 * 60_000);
    await tap(b, p, { status: 'present', arrivalTime: '08:10', note: 'Przywiozła go siostra' });
    a.advance(40 * 60_000);
    await tap(a, p, { status: 'present' });
    // A's tap is the later one: sending its empty note and times as values would win.
    expect((await a.db.outbox.toArray())[0]!.hlc > (await b.db.outbox.toArray())[0]!.hlc).toBe(true);
    const [first, second] = bFirst ? [b, a] : [a, b];
    expect(await first.engine.sync()).toBe(true);
    expect(await second.engine.sync()).toBe(true);
    await everywhere(p, { status: 'present', arrivalTime: '08:10', note: 'Przywiozła go siostra' });
  });

  it('TICKS-CLEARED: a mark cleared on this tablet is brought back by the fill-in with real values: the person is present on both tablets', async () => {
    const a = await device('A6');
    const b = await device('B6');
    a.advance(10 * 60_000);
    await tap(a, 'w-6', { status: 'absent', absenceReason: 'illness', note: 'pomyłka' });
    await everywhere('w-6', { status: 'absent', absenceReason: 'illness', note: 'pomyłka' });
    a.advance(60_000);
    await writeChanges(a.db, a.ctx, [{ entity: 'dayMarks', id: dayMarkId('w-6', DAY), delete: true }]);
    a.advance(60 * 60_000);
    const changes = remainingPresentChanges(unitId, DAY, ['w-6'], await getRows(a.db, 'dayMarks', [dayMarkId('w-6', DAY)]));
    expect(changes).toHaveLength(1);
    expect('ifAbsent' in changes[0]! && changes[0].ifAbsent).toBeFalsy();
    await writeChanges(a.db, a.ctx, changes);
    await everywhere('w-6', FILLED);
    expect(b.name).toBe('B6');
  });
});
