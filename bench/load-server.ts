/**
 * The server of the load benchmark, in its own process (so its memory is measured apart from the
 * load generator): the demo centre on PGlite (in memory) or on PostgreSQL (a fresh schema, dropped
 * at the end), one device token per simulated device, and a bare Hono route on a second port as
 * the ceiling. Talks to the parent over IPC: 'ready' with the ports and tokens, 'memory' on request.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { createApp } from '../src/server/app';
import { createSession } from '../src/server/auth';
import { loadConfig } from '../src/server/config';
import { createLogger } from '../src/server/logger';
import { loadDemo } from '../src/server/setup/demo';
import { openPgliteStore } from '../src/server/store/pglite-store';
import { openPostgresStore } from '../src/server/store/postgres-store';
import type { Store } from '../src/server/store/store';

export interface ReadyMessage {
  type: 'ready';
  apiPort: number;
  barePort: number;
  records: number;
  devices: { token: string; roles: string[]; unitIds: string[] }[];
}
export interface MemoryMessage { type: 'memory'; rssMb: number; heapUsedMb: number; heapTotalMb: number }

const kind = process.env.LOAD_DB === 'postgres' ? 'postgres' : 'pglite';
const deviceCount = Number(process.env.LOAD_DEVICES ?? 200);
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `load_${randomBytes(5).toString('hex')}`;

async function openStore(): Promise<Store> {
  if (kind === 'pglite') return openPgliteStore({ dataDir: null });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return openPostgresStore({ connectionString: url, schema });
}

async function dropSchema(): Promise<void> {
  if (kind !== 'postgres') return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}

const store = await openStore();
await store.migrate();
const nowMs = Date.now();
const demo = await loadDemo(store, { nowMs, signIn: { login: 'admin', deviceName: 'bench' } });
if (!demo) throw new Error('the demo centre did not load');
const users = (await store.accounts.listUsers(demo.organizationId)).filter((u) => !u.disabled);
// One device per simulated tablet, spread over the demo accounts (every role), as sign-in makes them.
const devices = await store.write(demo.organizationId, async (tx) => {
  const out: ReadyMessage['devices'] = [];
  for (let i = 0; i < deviceCount; i += 1) {
    const user = users[i % users.length]!;
    const session = await createSession(tx, user, `Tablet ${i + 1}`, nowMs);
    out.push({ token: session.deviceToken, roles: user.roles, unitIds: user.unitIds });
  }
  return out;
});

const app = createApp({ store, config: loadConfig({}), logger: createLogger('error'), staticDir: null, setupCode: null });
// Sync calls carry a short-lived access token (15 minutes, longer than a run), exchanged for the device token as a tablet does.
for (const device of devices) {
  const res = await app.request('/api/v1/auth/token', { method: 'POST', headers: { authorization: `Bearer ${device.token}` } });
  if (res.status !== 200) throw new Error(`token exchange failed with ${res.status}`);
  device.token = ((await res.json()) as { accessToken: string }).accessToken;
}
const api = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
const bare = new Hono();
bare.get('/bare', (c) => c.json({ ok: true }));
const ceiling = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
await Promise.all([api, ceiling].map((s) => new Promise<void>((r) => (s.listening ? r() : s.once('listening', () => r())))));

const memory = (): MemoryMessage => {
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
  return { type: 'memory', rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal) };
};

process.on('message', (msg: { type: string }) => {
  if (msg.type === 'memory') process.send?.(memory());
  if (msg.type === 'stop') {
    api.close();
    ceiling.close();
    void store.close().then(dropSchema).finally(() => process.exit(0));
  }
});
process.send?.({
  type: 'ready', apiPort: (api.address() as AddressInfo).port, barePort: (ceiling.address() as AddressInfo).port, records: demo.records, devices,
} satisfies ReadyMessage);
