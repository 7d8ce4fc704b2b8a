/**
 * PUSH-TOO-LARGE: a change too large to send never blocks the others. The server refuses a single
 * mutation over MAX_MUTATION_BYTES alone (`payloadTooLarge` in the push answer) and a body over
 * MAX_BODY_BYTES whole (413 payloadTooLarge). The device (the real client data layer, Dexie on
 * fake-indexeddb, the sync engine and the HTTP transport, against the real server app on PGlite)
 * halves a batch answered 413 and sets aside, as `payloadTooLarge`, a change that is too large on
 * its own, so everything else arrives; the sync card then lists it by record kind. Also behind a
 * proxy with a smaller body limit, which answers 413 in HTML (nginx's default is 1 MB).
 */
import 'fake-indexeddb/auto';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDB } from '../../../src/client/storage/db';
import type { StoredSession } from '../../../src/client/storage/meta';
import { listRejectedChanges } from '../../../src/client/storage/rejected';
import { writeChanges, type Change } from '../../../src/client/storage/write';
import { SyncEngine, type EngineStatus } from '../../../src/client/sync/engine';
import { HttpTransport } from '../../../src/client/sync/transport';
import { MAX_BODY_BYTES, MAX_MUTATION_BYTES, jsonBytes, type SessionInfo } from '../../../src/protocol';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { person } from '../../domain/rules/fixtures';
import { call, hlc, mutation, push, roomPatch, setUp, testApp, type TestApp } from '../helpers';

const T0 = Date.UTC(2026, 10, 23, 8);

/** A text of `n` characters from `alphabet`, pseudo-random from `seed` (so gzip cannot shrink it away). */
function text(n: number, seed: number, alphabet = 'ąęółśżźćńĄĘÓŁŚŻŹĆŃaeiouyz „”–'): string {
  let x = seed || 1;
  let out = '';
  for (let i = 0; i < n; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % alphabet.length];
  }
  return out;
}

/** A valid participant with every text field at its longest: long notes, ten contacts. */
function longParticipant(id: string, unitId: string, seed: number): Change {
  const { id: _i, organizationId: _o, hlc: _h, changedBy: _c, deleted: _d, ...fields } = person(id, {
    unitId, notes: text(2000, seed), allergies: text(300, seed + 1), firstName: `Osoba ${seed}`,
    transport: { needsTransport: true, mobilityAid: 'none', driverNote: text(300, seed + 2) },
    address: { street: text(120, seed + 3), postalCode: '00-001', city: text(80, seed + 4) },
    contacts: Array.from({ length: 10 }, (_, k) => ({ name: `Kontakt ${text(90, seed + 10 + k)}`, relation: text(60, seed + 30 + k), phone: '600100200', isLegalGuardian: false })),
  });
  return { entity: 'participants', id, patch: fields };
}

describe('PUSH-TOO-LARGE: a change too large to send is set aside and nothing else waits for it', () => {
  let store: Store;
  let app: TestApp;
  let logLines: string[];
  let admin: SessionInfo;
  let unitId: string;
  let n = 0;
  const stamp = () => hlc(T0 + (n += 1) * 1000, 'dev-x');

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    const made = testApp(store);
    app = made.app;
    logLines = made.logger.lines;
    admin = await setUp(app);
    unitId = admin.user.unitIds[0]!;
  });
  afterAll(async () => { await store.close(); });

  function device(name: string, fetchFn?: (input: string, init?: RequestInit) => Promise<Response>) {
    let t = T0 + 3_600_000;
    const nowMs = () => (t += 1000);
    const db = new AppDB(`push-too-large-${name}-${Date.now()}`);
    const session: StoredSession = {
      deviceId: admin.deviceId, deviceToken: admin.deviceToken, userId: admin.user.id, displayName: admin.user.displayName,
      login: admin.user.login, roles: admin.user.roles, unitIds: admin.user.unitIds, organizationId: admin.user.organizationId,
    };
    const transport = new HttpTransport('http://obecni.test', fetchFn ?? ((input, init) => Promise.resolve(app.request(input, init))));
    const statuses: EngineStatus[] = [];
    const engine = new SyncEngine({ db, transport, session, nowMs, random: () => 0.5, withLock: (task) => task(), pushBatchSize: 500, onStatus: (s) => statuses.push(s) });
    const ctx = { deviceId: session.deviceId, userId: session.userId, organizationId: session.organizationId, nowMs };
    const close = async () => {
      engine.stop();
      db.close();
      await db.delete();
    };
    return { db, engine, ctx, statuses, close };
  }

  /** Makes the outbox entry of `recordId` hold `notes` (as an older app version or an import could have left it). */
  async function bloat(db: AppDB, recordId: string, notes: string): Promise<string> {
    const entry = (await db.outbox.where('[entity+recordId]').equals(['participants', recordId]).first())!;
    await db.outbox.update(entry.seq!, { patch: { ...entry.patch, notes } });
    return entry.mutationId;
  }

  it('PUSH-TOO-LARGE-MUTATION: the server refuses one mutation over MAX_MUTATION_BYTES alone (payloadTooLarge) and applies the rest', async () => {
    const before = mutation('rooms', uuidv7(), roomPatch(unitId, 'Sala przed'), stamp());
    const { id: _i, organizationId: _o, hlc: _h, changedBy: _c, deleted: _d, ...fields } = person(uuidv7(), { unitId, notes: 'ż'.repeat(MAX_MUTATION_BYTES / 2) });
    const huge = mutation('participants', uuidv7(), fields, stamp());
    const after = mutation('rooms', uuidv7(), roomPatch(unitId, 'Sala po'), stamp());
    expect(jsonBytes(huge)).toBeGreaterThan(MAX_MUTATION_BYTES);
    const res = await push(app, admin, [before, huge, after]);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toEqual([before.mutationId, after.mutationId]);
    expect(res.body.rejected).toEqual([{ mutationId: huge.mutationId, reason: 'payloadTooLarge', issues: [{ path: '', code: 'tooLarge' }], current: null }]);
    expect(await store.sync.getRecord(admin.user.organizationId, 'participants', huge.recordId)).toBeNull();
  });

  it('PUSH-TOO-LARGE-BODY: a body over MAX_BODY_BYTES is refused whole with 413 payloadTooLarge', async () => {
    const { id: _i, organizationId: _o, hlc: _h, changedBy: _c, deleted: _d, ...fields } = person(uuidv7(), { unitId, notes: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await call<{ error: string }>(app, 'POST', '/api/v1/sync/push', {
      token: admin.deviceToken, body: { protocolVersion: 2, deviceId: admin.deviceId, mutations: [mutation('participants', uuidv7(), fields, stamp())] },
    });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('payloadTooLarge');
  });

  it('PUSH-TOO-LARGE-DEVICE: a first batch over the body limit is halved, an oversized change is set aside and reported, everything else arrives', async () => {
    const { db, engine, ctx, statuses, close } = device('body');
    try {
      const ids = Array.from({ length: 500 }, () => uuidv7());
      await writeChanges(db, ctx, ids.map((id, i) => longParticipant(id, unitId, i + 1)));
      const rooms = Array.from({ length: 3 }, () => uuidv7());
      await writeChanges(db, ctx, rooms.map((id, i): Change => ({ entity: 'rooms', id, patch: roomPatch(unitId, `Sala ${i}`) })));
      const oversized = ids[250]!;
      const oversizedMutation = await bloat(db, oversized, text(MAX_MUTATION_BYTES, 7));
      // The premise: the first batch of 500 is over the body limit even without the oversized change.
      const first = (await db.outbox.orderBy('seq').limit(500).toArray()).filter((e) => e.recordId !== oversized);
      expect(jsonBytes(first.map((e) => ({ mutationId: e.mutationId, entity: e.entity, recordId: e.recordId, hlc: e.hlc, patch: e.patch, deleted: e.deleted })))).toBeGreaterThan(MAX_BODY_BYTES);

      expect(await engine.sync()).toBe(true);
      expect(await db.outbox.count()).toBe(0);
      expect((await db.rejected.toArray()).map((r) => [r.mutationId, r.entity, r.reason])).toEqual([[oversizedMutation, 'participants', 'payloadTooLarge']]);
      expect(statuses.at(-1)).toMatchObject({ pending: 0, rejected: 1, lastError: null });
      const org = admin.user.organizationId;
      for (const id of ids.filter((id) => id !== oversized)) expect(await store.sync.getRecord(org, 'participants', id)).not.toBeNull();
      for (const id of rooms) expect(await store.sync.getRecord(org, 'rooms', id)).not.toBeNull();
      expect(await store.sync.getRecord(org, 'participants', oversized)).toBeNull();
      // What the sync card shows: the record kind and the reason, no values.
      const listed = await listRejectedChanges(db, 20);
      expect(listed).toEqual({ total: 1, newest: [expect.objectContaining({ entity: 'participants', reason: 'payloadTooLarge' })] });
      expect(JSON.stringify(listed)).not.toContain('Osoba');
      // No personal data in the server's log.
      const log = logLines.join('\n');
      for (const secret of ['Osoba 251', text(40, 251), text(40, 7)]) expect(log).not.toContain(secret);
    } finally {
      await close();
    }
  });

  it('PUSH-TOO-LARGE-PROXY: behind a proxy with a smaller body limit (413 in HTML) the batch is halved and a change too large alone is set aside', async () => {
    const LIMIT = 64 * 1024;
    const sizes: number[] = [];
    const proxy = async (input: string, init?: RequestInit): Promise<Response> => {
      const size = init?.body ? (await new Response(init.body).arrayBuffer()).byteLength : 0;
      if (input.endsWith('/sync/push')) sizes.push(size);
      if (size > LIMIT) return new Response('<html><body><h1>413 Request Entity Too Large</h1></body></html>', { status: 413, headers: { 'content-type': 'text/html' } });
      return app.request(input, init);
    };
    const { db, engine, ctx, close } = device('proxy', proxy);
    try {
      const ids = Array.from({ length: 80 }, () => uuidv7());
      await writeChanges(db, ctx, ids.map((id, i) => longParticipant(id, unitId, 1000 + i)));
      const oversized = ids[40]!;
      // Under the server's limit of one mutation, over the proxy's limit even compressed.
      const oversizedMutation = await bloat(db, oversized, text(200_000, 11));

      expect(await engine.sync()).toBe(true);
      expect(await db.outbox.count()).toBe(0);
      expect((await db.rejected.toArray()).map((r) => [r.mutationId, r.reason])).toEqual([[oversizedMutation, 'payloadTooLarge']]);
      const org = admin.user.organizationId;
      for (const id of ids) {
        if (id === oversized) expect(await store.sync.getRecord(org, 'participants', id)).toBeNull();
        else expect(await store.sync.getRecord(org, 'participants', id)).not.toBeNull();
      }
      expect(sizes.filter((s) => s > LIMIT).length).toBeGreaterThan(1);
    } finally {
      await close();
    }
  });
});
