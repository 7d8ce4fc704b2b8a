import { afterEach, describe, expect, it } from 'vitest';
import type { AppDB } from '../../../src/client/storage/db';
import type { StoredSession } from '../../../src/client/storage/meta';
import { writeChanges } from '../../../src/client/storage/write';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, SyncEngine, backoffDelay, type EngineStatus } from '../../../src/client/sync/engine';
import { MAX_RETRY_AFTER_MS, retryAfterMs } from '../../../src/client/sync/transport';
import { MAX_MUTATION_BYTES, PROTOCOL_VERSION } from '../../../src/protocol';
import { clock, context, freshDb, roomPatch } from '../storage/helpers';
import { ScriptedTransport } from './scripted-transport';

const session: StoredSession = {
  deviceId: 'dev-a', deviceToken: 'token-aaaaaaaaaaaaaaaaaaaa', userId: 'user-1', displayName: 'Ewa Lis', login: 'ewa', roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1',
};

let db: AppDB;
afterEach(async () => {
  db.close();
  await db.delete();
});

function engine(transport: ScriptedTransport, statuses: EngineStatus[] = [], pushBatchSize = 200, pullLimit = 1000) {
  const c = clock();
  const e = new SyncEngine({ db, transport, session, nowMs: c.nowMs, random: () => 0.5, withLock: (task) => task(), onStatus: (s) => statuses.push(s), pushBatchSize, pullLimit });
  return { e, c };
}

async function writeRooms(n: number, c = clock()): Promise<void> {
  for (let i = 1; i <= n; i += 1) await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: `room-${i}`, patch: roomPatch(`Sala ${i}`) }]);
}

describe('SyncEngine', () => {
  it('pushes the outbox in batches, empties it only after acknowledgement, and pulls the result', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    await writeRooms(5);
    const statuses: EngineStatus[] = [];
    const { e } = engine(t, statuses, 2, 2);
    expect(await e.sync()).toBe(true);
    expect(t.pushes.map((p) => p.mutations.length)).toEqual([2, 2, 1]);
    expect(t.pushes.every((p) => p.deviceId === 'dev-a' && p.protocolVersion === PROTOCOL_VERSION)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect(statuses.at(-1)).toMatchObject({ syncing: false, pending: 0, lastError: null });
    expect(statuses.at(-1)?.lastSyncAtMs).not.toBeNull();
  });

  it('CREATE-ONLY: an entry’s create-only fields travel as the mutation’s ifAbsent, and only when there are some', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    const c = clock();
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: roomPatch('Sala'), ifAbsent: ['isStudio', 'capacity'] }]);
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-2', patch: roomPatch('Sala 2') }]);
    const { e } = engine(t);
    expect(await e.sync()).toBe(true);
    const [withDefaults, plain] = t.pushes[0]!.mutations;
    expect(withDefaults).toMatchObject({ recordId: 'room-1', ifAbsent: ['isStudio', 'capacity'] });
    expect(plain).not.toHaveProperty('ifAbsent');
  });

  it('keeps every change while the server is unreachable and reports a network error', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    t.down = true;
    await writeRooms(3);
    const statuses: EngineStatus[] = [];
    const { e } = engine(t, statuses);
    expect(await e.sync()).toBe(false);
    expect(await db.outbox.count()).toBe(3);
    expect(statuses.at(-1)).toMatchObject({ syncing: false, pending: 3, lastError: 'network' });
    t.down = false;
    expect(await e.sync()).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect(t.changes.map((c) => c.recordId).sort()).toEqual(['room-1', 'room-2', 'room-3']);
  });

  it('a lost push response leads to a retry that the server applies once', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    t.loseNextResponse = true;
    await writeRooms(2);
    const { e } = engine(t);
    expect(await e.sync()).toBe(false);
    expect(await db.outbox.count()).toBe(2);
    expect(await e.sync()).toBe(true);
    expect(t.pushes).toHaveLength(2);
    expect(t.pushes[1]?.mutations.map((m) => m.mutationId)).toEqual(t.pushes[0]?.mutations.map((m) => m.mutationId));
    expect(t.changes).toHaveLength(2);
  });

  it('moves refused changes to the rejected list so they stop blocking the outbox', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    t.reject.add('room-2');
    await writeRooms(3);
    const statuses: EngineStatus[] = [];
    const { e } = engine(t, statuses);
    expect(await e.sync()).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    const rejected = await db.rejected.toArray();
    expect(rejected.map((r) => [r.recordId, r.reason])).toEqual([['room-2', 'invalidRecord']]);
    expect(statuses.at(-1)?.rejected).toBe(1);
  });

  it('PUSH-MALFORMED: an outbox entry that breaks the mutation schema is set aside unsent and blocks nothing', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    await writeRooms(3);
    // An entry the shared MutationSchema refuses (a broken stamp), as an older app version might have left it.
    const [, second] = await db.outbox.orderBy('seq').toArray();
    await db.outbox.update(second!.seq!, { hlc: 'zepsuty-znacznik' });
    const statuses: EngineStatus[] = [];
    const { e } = engine(t, statuses);
    expect(await e.sync()).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejected.toArray()).map((r) => [r.mutationId, r.reason])).toEqual([[second!.mutationId, 'invalidRecord']]);
    expect(t.pushes.flatMap((p) => p.mutations.map((m) => m.recordId))).toEqual(['room-1', 'room-3']);
    expect(t.changes.map((c) => c.recordId).sort()).toEqual(['room-1', 'room-3']);
    expect(statuses.at(-1)).toMatchObject({ pending: 0, rejected: 1, lastError: null });
  });

  it('PUSH-SPLIT: a batch the server refuses whole (400) is halved until the one entry it cannot read is set aside', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    await writeRooms(7);
    const entries = await db.outbox.orderBy('seq').toArray();
    t.unreadable.add(entries[4]!.mutationId);
    const { e } = engine(t);
    expect(await e.sync()).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejected.toArray()).map((r) => [r.recordId, r.reason])).toEqual([['room-5', 'invalidRecord']]);
    expect(t.changes.map((c) => c.recordId).sort()).toEqual(['room-1', 'room-2', 'room-3', 'room-4', 'room-6', 'room-7']);
    // 7 refused → 4 land, 3 refused → 2 refused → 1 refused, an empty push shows the request itself
    // is fine, so that entry is set aside → the other 1 lands → the last 1 lands.
    expect(t.pushes.map((p) => p.mutations.length)).toEqual([7, 4, 3, 2, 1, 0, 1, 1]);
    // Later changes go through as usual.
    await writeChanges(db, context(clock().nowMs), [{ entity: 'rooms', id: 'room-8', patch: roomPatch('Sala 8') }]);
    expect(await e.sync()).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });

  it('PUSH-TOO-LARGE-SPLIT: a batch refused as too large (413) is halved until the one entry too large alone is set aside as payloadTooLarge', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    await writeRooms(7);
    const entries = await db.outbox.orderBy('seq').toArray();
    await db.outbox.update(entries[4]!.seq!, { patch: { ...entries[4]!.patch, name: 'x'.repeat(5000) } });
    t.bodyLimit = 3000;
    const statuses: EngineStatus[] = [];
    const { e } = engine(t, statuses);
    expect(await e.sync()).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejected.toArray()).map((r) => [r.recordId, r.entity, r.reason])).toEqual([['room-5', 'rooms', 'payloadTooLarge']]);
    expect(t.changes.map((c) => c.recordId).sort()).toEqual(['room-1', 'room-2', 'room-3', 'room-4', 'room-6', 'room-7']);
    // 7 refused → 4 land, 3 refused → 2 refused → 1 refused, an empty push passes, so it is set aside → 1 lands → 1 lands.
    expect(t.pushes.map((p) => p.mutations.length)).toEqual([7, 4, 3, 2, 1, 0, 1, 1]);
    expect(statuses.at(-1)).toMatchObject({ pending: 0, rejected: 1, lastError: null });
  });

  it('PUSH-TOO-LARGE-UNSENT: an entry over MAX_MUTATION_BYTES is set aside as payloadTooLarge without being sent', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    await writeRooms(3);
    const [, second] = await db.outbox.orderBy('seq').toArray();
    await db.outbox.update(second!.seq!, { patch: { ...second!.patch, name: 'x'.repeat(MAX_MUTATION_BYTES) } });
    const { e } = engine(t);
    expect(await e.sync()).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejected.toArray()).map((r) => [r.mutationId, r.reason])).toEqual([[second!.mutationId, 'payloadTooLarge']]);
    expect(t.pushes.flatMap((p) => p.mutations.map((m) => m.recordId))).toEqual(['room-1', 'room-3']);
  });

  it('PUSH-TOO-LARGE-REQUEST: when even an empty push is refused as too large, nothing is set aside and the run fails', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    await writeRooms(2);
    t.bodyLimit = 10;
    const statuses: EngineStatus[] = [];
    const { e } = engine(t, statuses);
    expect(await e.sync()).toBe(false);
    expect(await db.outbox.count()).toBe(2);
    expect(await db.rejected.count()).toBe(0);
    expect(statuses.at(-1)).toMatchObject({ lastError: 'invalidInput', pending: 2 });
  });

  it('PUSH-SPLIT-REQUEST: when even an empty push is refused, the request is at fault: nothing is set aside and the run fails', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    await writeRooms(3);
    t.refuseAll = true;
    const statuses: EngineStatus[] = [];
    const { e } = engine(t, statuses);
    expect(await e.sync()).toBe(false);
    expect(await db.outbox.count()).toBe(3);
    expect(await db.rejected.count()).toBe(0);
    expect(statuses.at(-1)).toMatchObject({ lastError: 'invalidInput', pending: 3 });
    t.refuseAll = false;
    expect(await e.sync()).toBe(true);
    expect(t.changes).toHaveLength(3);
  });

  it('PUSH-ROLLBACK: a refused change puts the row back to the server’s version, with the other unsent changes on top', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    const { e, c } = engine(t);
    await writeRooms(2, c);
    expect(await e.sync()).toBe(true);
    const server = (await db.entity('rooms').get('room-1'))!;
    // Two edits of room-1 while offline; the server refuses the first and answers with its version.
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: { name: 'Odrzucona nazwa' } }]);
    c.advance(1000);
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: { capacity: 12 } }]);
    const [refused, later] = await db.outbox.orderBy('seq').toArray();
    t.reject.add(refused!.mutationId);
    t.rejectCurrent.set('room-1', { data: { ...server }, deleted: false });
    // Only the first entry goes, in a batch of one; then the network is gone, so the later one waits.
    const push = t.push.bind(t);
    t.push = async (token, request) => {
      const answer = await push(token, request);
      t.down = true;
      return answer;
    };
    expect(await engine(t, [], 1).e.sync()).toBe(false);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.rejected.toArray()).map((r) => r.mutationId)).toContain(refused!.mutationId);
    const row = await db.entity('rooms').get('room-1');
    expect(row).toMatchObject({ name: server.name, capacity: later!.patch.capacity });
  });

  it('PUSH-ROLLBACK-GONE: a refused new record the server does not have (or the caller may not see) leaves the device', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    await writeRooms(2);
    t.reject.add('room-2');
    t.rejectCurrent.set('room-2', null);
    const { e } = engine(t);
    expect(await e.sync()).toBe(true);
    expect(await db.entity('rooms').get('room-2')).toBeUndefined();
    expect(await db.entity('rooms').get('room-1')).toBeDefined();
    expect(await db.rejected.count()).toBe(1);
  });

  it('recovers from an expired cursor with a full resync and keeps unsent changes', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    await writeRooms(2);
    const { e, c } = engine(t);
    await e.sync();
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-9', patch: roomPatch('Po utracie kursora') }]);
    t.cursorExpiredOnce = true;
    t.down = false;
    // The push goes through first; the expired cursor then forces a pull from zero.
    expect(await e.sync()).toBe(true);
    expect((await db.entity('rooms').toArray()).map((r) => r.id).sort()).toEqual(['room-1', 'room-2', 'room-9']);
    expect(await db.outbox.count()).toBe(0);
  });

  it('pulls every page until the server has nothing more', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    for (let i = 1; i <= 7; i += 1) {
      t.changes.push({ seq: i, entity: 'rooms', recordId: `r-${i}`, deleted: false, data: { id: `r-${i}`, organizationId: 'org-1', hlc: `00017${String(i).padStart(8, '0')}-0000-dev-b`, changedBy: 'u', deleted: false, ...roomPatch(`Sala ${i}`) } });
    }
    const { e } = engine(t, [], 200, 3);
    expect(await e.sync()).toBe(true);
    expect(await db.entity('rooms').count()).toBe(7);
  });

  it('RETRY-AFTER: a push refused 429 with Retry-After is not sent again before that time, whatever triggers a run; then it goes through', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    await writeRooms(3);
    const { e, c } = engine(t);
    t.busyOnceMs = 5_000;
    expect(await e.sync()).toBe(false);
    expect(t.pushes).toHaveLength(1);
    c.advance(4_999);
    expect(await e.sync()).toBe(false);
    e.notifyLocalChange();
    expect(t.pushes).toHaveLength(1);
    expect(await db.outbox.count()).toBe(3);
    c.advance(1);
    expect(await e.sync()).toBe(true);
    expect(t.pushes).toHaveLength(2);
    expect(await db.outbox.count()).toBe(0);
    e.stop();
  });

  it('RETRY-AFTER: the header is read as seconds or an HTTP date, capped, and ignored when unreadable', () => {
    const now = Date.UTC(2026, 10, 23, 8, 0);
    expect(retryAfterMs('2', now)).toBe(2_000);
    expect(retryAfterMs(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(retryAfterMs('999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs(new Date(now - 5_000).toUTCString(), now)).toBe(0);
    for (const junk of [null, '', 'soon', '-3', '1.5e3']) expect(retryAfterMs(junk, now)).toBeNull();
  });

  it('two sync calls at once share one run', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    await writeRooms(1);
    const { e } = engine(t);
    const [a, b] = await Promise.all([e.sync(), e.sync()]);
    expect(a && b).toBe(true);
    expect(t.changes).toHaveLength(1);
  });
});

describe('backoffDelay', () => {
  it.each([
    [1, BACKOFF_BASE_MS],
    [2, BACKOFF_BASE_MS * 2],
    [5, BACKOFF_BASE_MS * 16],
    [30, BACKOFF_MAX_MS],
  ])('retry %i waits about %i ms, spread by ±50 %% jitter', (failures, base) => {
    expect(backoffDelay(failures, () => 0.5)).toBe(base);
    expect(backoffDelay(failures, () => 0)).toBe(base / 2);
    expect(backoffDelay(failures, () => 0.999)).toBeLessThan(base * 1.5);
  });
});

describe('SyncEngine triggers', () => {
  it('sends a burst of taps together, but never keeps a change waiting past the longest wait while taps continue', async () => {
    db = freshDb();
    const t = new ScriptedTransport();
    const e = new SyncEngine({ db, transport: t, session, random: () => 0.5, withLock: (task) => task(), debounceMs: 200, maxWaitMs: 600 });
    e.start();
    await e.idle();
    const pushes = () => t.pushes.length;
    await writeRooms(1);
    // A tap every 50 ms for 1 s: the 200 ms quiet period never comes, the 600 ms limit does.
    const started = pushes();
    for (let i = 0; i < 20; i += 1) {
      e.notifyLocalChange();
      await new Promise((r) => setTimeout(r, 50));
    }
    await e.idle();
    expect(pushes()).toBeGreaterThan(started);
    expect(await db.outbox.count()).toBe(0);
    e.stop();
  });
});
