/**
 * FAULT-NET: the network drops in the middle of a response. The real server listens on loopback
 * behind a TCP proxy that, when told, forwards the response's headers and half of its body and
 * then cuts the connection. Two devices run the real client data layer (Dexie on fake-indexeddb,
 * the sync engine, the HTTP transport with Node's fetch) through the proxy. A push whose answer
 * is cut was applied by the server, but the device does not know it: it keeps its outbox, shows
 * the network error, and its retry is acknowledged without a second application. A pull page cut
 * half-way stores nothing of that page and moves no cursor; the retry brings every record once.
 */
import 'fake-indexeddb/auto';
import { connect, createServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDB } from '../../../src/client/storage/db';
import { getMeta } from '../../../src/client/storage/meta';
import type { StoredSession } from '../../../src/client/storage/meta';
import { writeChanges } from '../../../src/client/storage/write';
import { SyncEngine, type EngineStatus } from '../../../src/client/sync/engine';
import { HttpTransport } from '../../../src/client/sync/transport';
import type { SessionInfo } from '../../../src/protocol';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { SETUP, call, roomPatch, setUp, testApp } from '../helpers';

type Target = 'POST /api/v1/sync/push' | 'GET /api/v1/sync/pull';

/** The real HTTP transport, telling the test before each pull. */
class WatchedTransport extends HttpTransport {
  beforePull: () => void = () => undefined;
  override pull(token: string, since: number, limit: number): ReturnType<HttpTransport['pull']> {
    this.beforePull();
    return super.pull(token, since, limit);
  }
}

/** A TCP proxy that can cut the next response to a given request half-way through its body. */
class CuttingProxy {
  private server: NetServer;
  private sockets = new Set<Socket>();
  cutNext: Target | null = null;
  cuts = 0;
  port = 0;

  constructor(private readonly upstreamPort: number) {
    this.server = createServer((client) => this.relay(client));
  }

  listen(): Promise<void> {
    return new Promise((done) => this.server.listen(0, '127.0.0.1', () => {
      this.port = (this.server.address() as AddressInfo).port;
      done();
    }));
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((done) => this.server.close(() => done()));
  }

  private relay(client: Socket): void {
    const upstream = connect(this.upstreamPort, '127.0.0.1');
    this.sockets.add(client).add(upstream);
    let cutting = false;
    let seen = Buffer.alloc(0);
    let limit = Infinity;
    client.on('data', (chunk) => {
      // Requests on one keep-alive connection come one after another: the request line says what the next response answers.
      const requestLine = chunk.toString('latin1', 0, 200).split('\r\n')[0] ?? '';
      if (this.cutNext && requestLine.startsWith(`${this.cutNext.split(' ')[0]} ${this.cutNext.split(' ')[1]}`)) {
        this.cutNext = null;
        cutting = true;
        seen = Buffer.alloc(0);
        limit = Infinity;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!cutting) {
        client.write(chunk);
        return;
      }
      seen = Buffer.concat([seen, chunk]);
      const headerEnd = seen.indexOf('\r\n\r\n');
      if (headerEnd >= 0 && limit === Infinity) {
        const head = seen.toString('latin1', 0, headerEnd);
        const length = /content-length:\s*(\d+)/i.exec(head)?.[1];
        // Half of the body: of its announced length, or of the first chunk of a chunked body.
        limit = headerEnd + 4 + Math.max(1, Math.floor((length ? Number(length) : Math.min(seen.length - headerEnd - 4, 400)) / 2));
      }
      if (seen.length >= limit) {
        client.end(seen.subarray(0, limit));
        client.destroy();
        upstream.destroy();
        this.cuts += 1;
      }
    });
    const done = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', done).on('close', done);
    upstream.on('error', done).on('close', done);
  }
}

describe('FAULT-NET: the connection is cut half-way through a response', () => {
  let store: Store;
  let http: ServerType;
  let proxy: CuttingProxy;
  let admin: SessionInfo;
  let unitId: string;
  const sessions: SessionInfo[] = [];

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    const { app } = testApp(store);
    admin = await setUp(app);
    unitId = admin.user.unitIds[0]!;
    for (const name of ['Tablet A', 'Tablet B']) {
      sessions.push((await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: SETUP.login, password: SETUP.password, deviceName: name } })).body);
    }
    http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((done) => (http.listening ? done() : http.once('listening', () => done())));
    proxy = new CuttingProxy((http.address() as AddressInfo).port);
    await proxy.listen();
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise<void>((done) => http.close(() => done()));
    await store.close();
  });

  function device(i: number): { db: AppDB; engine: SyncEngine; transport: WatchedTransport; statuses: EngineStatus[]; ctx: Parameters<typeof writeChanges>[1] } {
    const s = sessions[i]!;
    const stored: StoredSession = { deviceId: s.deviceId, deviceToken: s.deviceToken, userId: s.user.id, displayName: s.user.displayName, login: s.user.login, roles: s.user.roles, unitIds: s.user.unitIds, organizationId: s.user.organizationId };
    const db = new AppDB(`net-cut-${i}-${Date.now()}`);
    const statuses: EngineStatus[] = [];
    // A small pull page so that the cut page is one of several.
    const transport = new WatchedTransport(`http://127.0.0.1:${proxy.port}`);
    const engine = new SyncEngine({ db, transport, session: stored, withLock: (task) => task(), onStatus: (st) => statuses.push(st), pullLimit: 25 });
    return { db, engine, transport, statuses, ctx: { deviceId: s.deviceId, userId: s.user.id, organizationId: s.user.organizationId, nowMs: () => Date.now() } };
  }

  it('FAULT-NET-PUSH: a cut push answer keeps the outbox, shows a network error, and the retry lands each change once', async () => {
    const a = device(0);
    try {
      const ids = Array.from({ length: 40 }, (_, i) => `cut-room-${i}`);
      for (const [i, id] of ids.entries()) await writeChanges(a.db, a.ctx, [{ entity: 'rooms', id, patch: roomPatch(unitId, `Sala ${i + 1}`) }]);
      const sent = (await a.db.outbox.toArray()).map((e) => e.mutationId);

      proxy.cutNext = 'POST /api/v1/sync/push';
      const cutsBefore = proxy.cuts;
      expect(await a.engine.sync()).toBe(false);
      expect(proxy.cuts).toBe(cutsBefore + 1);
      // What the user sees: the sync failed for want of a connection, and 40 changes still wait on the tablet.
      expect(a.engine.status).toMatchObject({ lastError: 'network', pending: 40 });
      expect(await a.db.outbox.count()).toBe(40);
      // The server did apply the batch before the answer was lost.
      const org = admin.user.organizationId;
      expect((await store.sync.history(org, 'rooms', ids[0]!)).map((h) => h.mutationId)).toEqual([sent[0]]);

      expect(await a.engine.sync()).toBe(true);
      expect(a.engine.status).toMatchObject({ lastError: null, pending: 0, rejected: 0 });
      for (const [i, id] of ids.entries()) {
        expect((await store.sync.history(org, 'rooms', id)).map((h) => h.mutationId), id).toEqual([sent[i]]);
        expect(await store.sync.getRecord(org, 'rooms', id)).toMatchObject({ data: { name: `Sala ${i + 1}` }, deleted: false });
      }
    } finally {
      a.engine.stop();
      a.db.close();
    }
  });

  it('FAULT-NET-PULL: a pull page cut half-way stores nothing of it and keeps the cursor; the retry brings every record once', async () => {
    const b = device(1);
    try {
      // The first page comes whole; the second is cut.
      let pulls = 0;
      b.transport.beforePull = () => {
        pulls += 1;
        if (pulls === 2) proxy.cutNext = 'GET /api/v1/sync/pull';
      };
      const statusBefore = b.statuses.length;
      const cutsBefore = proxy.cuts;
      expect(await b.engine.sync()).toBe(false);
      expect(proxy.cuts).toBe(cutsBefore + 1);
      expect(b.engine.status.lastError).toBe('network');
      expect(b.statuses.slice(statusBefore).some((st) => st.syncing)).toBe(true);
      // Exactly the first page is stored, with its cursor.
      const cursorAfterCut = (await getMeta(b.db, 'cursor')) ?? 0;
      expect(cursorAfterCut).toBeGreaterThan(0);
      const roomsAfterCut = await b.db.entity('rooms').count();
      expect(roomsAfterCut).toBeLessThan(40);

      expect(await b.engine.sync()).toBe(true);
      expect(b.engine.status.lastError).toBeNull();
      const rooms = (await b.db.entity('rooms').toArray()).filter((r) => r.id.startsWith('cut-room-'));
      expect(rooms.map((r) => r.name).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `Sala ${i + 1}`).sort());
      expect(new Set(rooms.map((r) => r.id)).size).toBe(40);
      expect(await b.db.outbox.count()).toBe(0);
    } finally {
      b.engine.stop();
      b.db.close();
    }
  });
});
