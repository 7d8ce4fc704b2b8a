/**
 * SYNC-PROP: several devices running the real client data layer (Dexie on fake-indexeddb, the
 * sync engine, the HTTP transport) against the real server app on PGlite, over in-process HTTP.
 * fast-check generates offline edits of the same records and fields, deletes, syncs in random
 * order, an unreachable server, lost push responses and duplicated pushes. One of the devices is
 * a therapist's, whose account may not write rooms (the write policy): each of its edits is
 * refused by the server, and the device must put its copy back. After everyone syncs, every
 * device and the server hold the same records, equal to a model where each field takes the value
 * of the accepted write with the highest HLC stamp (last writer wins per field), the server's
 * history holds every accepted write exactly once (none lost, none applied twice) and no refused
 * one, and every refused write sits in its device's rejected list. One more record exists on no
 * device at first: devices create it offline with create-only defaults (`ifAbsent`: its unit, kind
 * and capacity); a default never overwrites a value the server has, and loses to any real write
 * whatever the order of arrival, so its capacity ends as the last real write's, or else as one of
 * the defaults (the first to arrive), on every device alike.
 *
 * Clocks (issue 13): each device's clock is skewed from the server's by minutes to years, ahead or
 * behind, and some devices learned their offset at sign-in while others (signed in with an older
 * app) learn it from their first sync answer, with changes made before that. The model takes the
 * stamps the server finally accepted (a change refused as stamped ahead is stamped again by its
 * device); every change made by a device that knew its offset is stamped in real-time order, so a
 * correction made later in real time by another device wins, however wrong the clocks.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptClockOffset } from '../../../src/client/storage/clock';
import { AppDB } from '../../../src/client/storage/db';
import { getMeta, type StoredSession } from '../../../src/client/storage/meta';
import { writeChanges, type WriteContext } from '../../../src/client/storage/write';
import { SyncEngine } from '../../../src/client/sync/engine';
import { HttpTransport, TransportError, type Transport } from '../../../src/client/sync/transport';
import { clockOffset, DEFAULT_CLOCK_TOLERANCE_MS } from '../../../src/domain';
import type { PushRequest, PushResponse, SessionInfo } from '../../../src/protocol';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { SETUP, call, pullAll, setUp, testApp, type TestApp } from '../helpers';
import { accountWithDevice } from '../http/hostile-helpers';

const CLIENTS = 4;
/** The device whose account may not write rooms: every edit of it is refused. */
const REFUSED = CLIENTS - 1;
/** Hundreds of runs in CI; fewer on a developer's machine (FC_RUNS overrides both). */
const RUNS = Number(process.env.FC_RUNS ?? (process.env.CI ? 200 : 40));
const RECORDS = 2;
const NAMES = ['Pracownia stolarska', 'Sala relaksu', 'Pracownia krawiecka', 'Sala multimedialna'];

/** The real HTTP transport over the in-process app, with switches for lost and duplicated pushes. */
class FaultyTransport extends HttpTransport {
  loseNext = false;
  duplicateNext = false;
  down = false;
  constructor(app: TestApp) {
    super('http://obecni.test', (input, init) => Promise.resolve(app.request(input, init)));
  }
  override async push(token: string, request: PushRequest): Promise<PushResponse> {
    if (this.down) throw new TransportError('network', 0);
    if (this.duplicateNext) {
      this.duplicateNext = false;
      await super.push(token, request);
    }
    const response = await super.push(token, request);
    if (this.loseNext) {
      this.loseNext = false;
      throw new TransportError('network', 0);
    }
    return response;
  }
}

interface Device { db: AppDB; transport: FaultyTransport; engine: SyncEngine; ctx: WriteContext }

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far a device's clock is off, ahead or behind: under the warning, minutes, hours, days, years. */
const skewArb = fc.oneof(
  fc.integer({ min: -2 * MINUTE, max: 2 * MINUTE }),
  fc.integer({ min: -90 * MINUTE, max: 90 * MINUTE }),
  fc.integer({ min: -3 * DAY, max: 3 * DAY }),
  fc.integer({ min: -400 * DAY, max: 400 * DAY }),
  fc.integer({ min: -5 * 365 * DAY, max: 5 * 365 * DAY }),
);

/** One accepted write as the test made it: when in real time, and whether its device knew its clock's offset. */
interface Written { mutationId: string; realMs: number; knewClock: boolean; patch: Record<string, unknown>; deleted: boolean; ifAbsent: readonly string[] }

type Op =
  | { kind: 'create'; client: number; name: number; capacity: number }
  | { kind: 'edit'; client: number; record: number; name: number | null; capacity: number | null }
  | { kind: 'delete'; client: number; record: number }
  | { kind: 'sync'; client: number; fault: 'none' | 'lost' | 'duplicate' | 'down' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), client: fc.nat(CLIENTS - 1), name: fc.nat(NAMES.length - 1), capacity: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), client: fc.nat(CLIENTS - 1), record: fc.nat(RECORDS), name: fc.option(fc.nat(NAMES.length - 1)), capacity: fc.option(fc.integer({ min: 1, max: 40 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), client: fc.nat(CLIENTS - 1), record: fc.nat(RECORDS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), client: fc.nat(CLIENTS - 1), fault: fc.constantFrom('none' as const, 'lost' as const, 'duplicate' as const, 'down' as const) }) },
);

/** Per field: the value and stamp of the winning write so far. */
type Model = Map<string, Record<string, { hlc: string; value: unknown }>>;

/** Per record and field: the create-only defaults sent for it. */
type Defaults = Map<string, Record<string, unknown[]>>;

function record(model: Model, recordId: string, hlc: string, patch: Record<string, unknown>, deleted: boolean, defaults?: Defaults, ifAbsent: readonly string[] = []): void {
  const fields = model.get(recordId) ?? {};
  for (const [field, value] of [...Object.entries(patch), ['deleted', deleted] as const]) {
    if (ifAbsent.includes(field)) {
      const sent = defaults?.get(recordId) ?? {};
      sent[field] = [...(sent[field] ?? []), value];
      defaults?.set(recordId, sent);
      continue;
    }
    const current = fields[field];
    if (!current || hlc > current.hlc) fields[field] = { hlc, value };
  }
  model.set(recordId, fields);
}

describe('SYNC-PROP: devices converge on the server state (last writer wins per field)', () => {
  let store: Store;
  let app: TestApp;
  let admin: SessionInfo;
  let unitId: string;
  const sessions: SessionInfo[] = [];
  let run = 0;
  /** Real time: the server's clock; each device's clock is it plus the device's skew. */
  let realMs = Date.UTC(2026, 10, 23, 8);

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    app = testApp(store, { clock: () => realMs }).app;
    admin = await setUp(app);
    const unit = (await pullAll(app, admin)).find((c) => c.entity === 'units');
    unitId = unit!.recordId;
    for (let i = 0; i < REFUSED; i += 1) {
      const res = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: SETUP.login, password: SETUP.password, deviceName: `Tablet ${i + 1}` } });
      sessions.push(res.body);
    }
    sessions.push(await accountWithDevice(store, admin, 'therapist', [unitId]));
  });
  afterAll(async () => {
    await store.close();
  });

  /**
   * Device `i` with its clock `skewMs` off. One that `knowsClock` learned the offset at sign-in
   * (as the app does from the session's server time); the others learn it at their first sync.
   * Changes are stamped with the device's clock corrected by the offset it knows, as the app's state does.
   */
  async function device(i: number, skewMs: number, knowsClock: boolean): Promise<Device> {
    const s = sessions[i]!;
    const stored: StoredSession = { deviceId: s.deviceId, deviceToken: s.deviceToken, userId: s.user.id, displayName: s.user.displayName, login: s.user.login, roles: s.user.roles, unitIds: s.user.unitIds, organizationId: s.user.organizationId };
    const deviceNow = () => realMs + skewMs;
    const db = new AppDB(`prop-${run}-${i}`);
    let offset = 0;
    if (knowsClock) offset = await adoptClockOffset(db, clockOffset(realMs, deviceNow(), deviceNow()), deviceNow(), s.deviceId);
    const transport = new FaultyTransport(app);
    const engine = new SyncEngine({
      db, transport: transport as Transport, session: stored, nowMs: deviceNow, random: () => 0.5, withLock: (task) => task(),
      onStatus: (status) => { offset = status.clockOffsetMs ?? offset; },
    });
    const corrected = () => deviceNow() + offset;
    return { db, transport, engine, ctx: { deviceId: s.deviceId, userId: s.user.id, organizationId: s.user.organizationId, nowMs: corrected } };
  }

  it('converges for random offline edits, deletes, sync orders, unreachable server, lost and duplicated pushes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ skew: skewArb, knowsClock: fc.boolean() }), { minLength: CLIENTS, maxLength: CLIENTS }),
        fc.array(opArb, { minLength: 5, maxLength: 30 }),
        async (clocks, ops) => {
          run += 1;
          realMs += 3_600_000;
          const devices: Device[] = [];
          for (const [i, c] of clocks.entries()) devices.push(await device(i, c.skew, c.knowsClock));
          const tick = () => { realMs += 1000; };
          // The last record exists on no device until an op creates it.
          const ids = Array.from({ length: RECORDS + 1 }, (_, r) => `prop-${run}-room-${r}`);
          const late = ids[RECORDS]!;
          const model: Model = new Map();
          const defaults: Defaults = new Map();
          const written = new Map<string, Written[]>();
          let refused = 0;
          const knowsClock = async (d: Device) => (await getMeta(d.db, 'clockOffsetMs')) !== undefined;
          /** Remembers the change `d` just wrote (its stamp is read from the server's history at the end). */
          const remember = async (d: Device, id: string, knewClock: boolean) => {
            const e = (await d.db.outbox.orderBy('seq').last())!;
            written.set(id, [...(written.get(id) ?? []), { mutationId: e.mutationId, realMs, knewClock, patch: e.patch, deleted: e.deleted, ifAbsent: e.ifAbsent ?? [] }]);
          };
          try {
            // The records exist on the server and on every device before the random part starts.
            for (const id of ids.slice(0, RECORDS)) {
              const knew = await knowsClock(devices[0]!);
              await writeChanges(devices[0]!.db, devices[0]!.ctx, [{ entity: 'rooms', id, patch: { unitId, name: NAMES[0]!, isStudio: true, capacity: 10 } }]);
              await remember(devices[0]!, id, knew);
              tick();
            }
            for (const d of devices) expect(await d.engine.sync()).toBe(true);
            expect(await devices[0]!.engine.sync()).toBe(true);
            // A device that did not know its clock and is ahead by less than the tolerance had its
            // first changes accepted as stamped: the random part starts after that tolerance.
            realMs += DEFAULT_CLOCK_TOLERANCE_MS;

            for (const op of ops) {
              const d = devices[op.client]!;
              tick();
              const id = ids[op.kind === 'sync' ? 0 : op.kind === 'create' ? RECORDS : op.record]!;
              if (op.kind === 'sync') {
                if (op.fault === 'lost') d.transport.loseNext = true;
                if (op.fault === 'duplicate') d.transport.duplicateNext = true;
                d.transport.down = op.fault === 'down';
                await d.engine.sync();
                d.transport.loseNext = false;
                d.transport.down = false;
                continue;
              }
              const row = await d.db.entity('rooms').get(id);
              if (!row && op.kind !== 'create') continue;
              const before = await d.db.outbox.count();
              const knew = await knowsClock(d);
              if (op.kind === 'create') {
                // Made on a device that may not have the record: only the name is the user's.
                await writeChanges(d.db, d.ctx, [{ entity: 'rooms', id, patch: { unitId, name: NAMES[op.name], isStudio: true, capacity: op.capacity }, ifAbsent: ['unitId', 'isStudio', 'capacity'] }]);
              } else if (op.kind === 'delete') {
                await writeChanges(d.db, d.ctx, [{ entity: 'rooms', id, delete: true }]);
              } else {
                const patch: Record<string, unknown> = {};
                if (op.name !== null) patch.name = NAMES[op.name];
                if (op.capacity !== null) patch.capacity = op.capacity;
                await writeChanges(d.db, d.ctx, [{ entity: 'rooms', id, patch }]);
              }
              if ((await d.db.outbox.count()) > before) {
                if (op.client === REFUSED) {
                  refused += 1;
                  continue;
                }
                await remember(d, id, knew);
              }
            }

            // Everyone syncs until quiet: two rounds are enough for every change to reach every device.
            for (let round = 0; round < 2; round += 1) {
              for (const d of devices) {
                tick();
                expect(await d.engine.sync()).toBe(true);
              }
            }

            // The history holds every write exactly once, however often it was pushed; the model is
            // last writer wins per field by the stamps the server accepted (a change refused as
            // stamped ahead was stamped again by its device).
            for (const id of ids) {
              const history = await store.sync.history(admin.user.organizationId, 'rooms', id);
              const mine = written.get(id) ?? [];
              expect(history.map((h) => h.mutationId).sort()).toEqual(mine.map((w) => w.mutationId).sort());
              const stampOf = new Map(history.map((h) => [h.mutationId, h.hlc]));
              for (const w of mine) record(model, id, stampOf.get(w.mutationId)!, w.patch, w.deleted, defaults, w.ifAbsent);
              // Real time decides between devices that knew their clocks, however wrong the clocks:
              // the later change has the later stamp, so a later correction wins.
              const known = mine.filter((w) => w.knewClock).sort((a, b) => a.realMs - b.realMs);
              for (let k = 1; k < known.length; k += 1) expect(stampOf.get(known[k]!.mutationId)! > stampOf.get(known[k - 1]!.mutationId)!).toBe(true);
            }

            const server = new Map<string, { data: Record<string, unknown>; deleted: boolean }>();
            for (const c of await pullAll(app, admin)) if (ids.includes(c.recordId)) server.set(c.recordId, { data: c.data, deleted: c.deleted });
            for (const id of ids) {
              const fields = model.get(id);
              if (!fields) {
                // Never created by a device that may: on no device, nor on the server.
                expect(id).toBe(late);
                expect(server.has(id)).toBe(false);
                for (const d of devices) expect(await d.db.entity('rooms').get(id)).toBeUndefined();
                continue;
              }
              const onServer = server.get(id)!;
              // A capacity only ever sent as a default is one of the defaults (the first to arrive).
              const capacity = fields.capacity?.value ?? onServer.data.capacity;
              if (!fields.capacity) expect(defaults.get(id)?.capacity).toContain(onServer.data.capacity);
              const want = { name: fields.name!.value, capacity, deleted: fields.deleted!.value };
              expect(onServer.deleted).toBe(want.deleted);
              if (!want.deleted) expect({ name: onServer.data.name, capacity: onServer.data.capacity }).toEqual({ name: want.name, capacity: want.capacity });
              for (const [i, d] of devices.entries()) {
                expect(await d.db.outbox.count()).toBe(0);
                expect(await d.db.rejected.count()).toBe(i === REFUSED ? refused : 0);
                const local = await d.db.entity('rooms').get(id);
                if (want.deleted) expect(local === undefined || local.deleted).toBe(true);
                else {
                  expect({ name: local?.name, capacity: local?.capacity, deleted: local?.deleted }).toEqual(want);
                  // The whole row, stamps included, is the server's: nothing refused lingers on a device.
                  expect({ ...local }).toEqual(onServer.data);
                }
              }
            }
          } finally {
            for (const d of devices) {
              d.engine.stop();
              d.db.close();
              await d.db.delete();
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
    // Four devices per run on a shared machine: a few seconds a run at most.
  }, Math.max(120_000, RUNS * 4_000));
});
