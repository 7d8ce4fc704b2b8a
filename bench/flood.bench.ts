/**
 * Issue 14 item 7: how long /api/v1/health takes while one device floods the server, without and
 * with the cap on calls in flight per device (DEVICE_MAX_IN_FLIGHT). One server in this process
 * on in-memory PGlite with the demo centre, real HTTP on loopback. The flooding device keeps 40
 * pushes of 500 new rooms in flight for the whole run, resending at once whatever the answer (a
 * hostile client ignores Retry-After); meanwhile health is probed every 250 ms and another device
 * pulls. Reported: health p50/p99/max and the other device's pull p99, before (no cap) and after.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { uuidv7 } from 'uuidv7';
import { formatHlc } from '../src/domain';
import { PROTOCOL_VERSION, ProtocolHeader } from '../src/protocol';
import { createApp } from '../src/server/app';
import { DEVICE_MAX_IN_FLIGHT, createSession } from '../src/server/auth';
import { loadConfig } from '../src/server/config';
import { createLogger } from '../src/server/logger';
import { loadDemo } from '../src/server/setup/demo';
import { openPgliteStore } from '../src/server/store/pglite-store';
import { line, ms, percentile } from './stats';

const QUICK = process.argv.includes('--quick');
const FLOOD_MS = QUICK ? 8_000 : 20_000;
const PARALLEL_PUSHES = 40;
const CHANGES_PER_PUSH = 500;
const PROBE_EVERY_MS = 250;

const sleep = (delay: number) => new Promise((r) => setTimeout(r, delay));

async function floodRun(deviceMaxInFlight: number): Promise<{ health: number[]; pulls: number[]; served: number; refused: number }> {
  const store = await openPgliteStore({ dataDir: null });
  await store.migrate();
  const nowMs = Date.now();
  const demo = await loadDemo(store, { nowMs });
  if (!demo) throw new Error('the demo centre did not load');
  const admin = (await store.accounts.listUsers(demo.organizationId)).find((u) => u.roles.includes('administrator'))!;
  const [flooder, other] = await store.write(demo.organizationId, async (tx) => [await createSession(tx, admin, 'flood', nowMs), await createSession(tx, admin, 'other', nowMs)]);
  const app = createApp({ store, config: loadConfig({}), logger: createLogger('error'), staticDir: null, setupCode: null, deviceMaxInFlight });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const access = async (deviceToken: string) => {
    const res = await fetch(`${base}/api/v1/auth/token`, { method: 'POST', headers: { authorization: `Bearer ${deviceToken}` } });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const headers = (token: string) => ({ authorization: `Bearer ${token}`, [ProtocolHeader]: String(PROTOCOL_VERSION), 'content-type': 'application/json' });
  const [floodToken, otherToken] = [await access(flooder.deviceToken), await access(other.deviceToken)];
  const unitId = admin.unitIds[0]!;
  let counter = 0;
  const body = () => JSON.stringify({
    protocolVersion: PROTOCOL_VERSION, deviceId: flooder.deviceId,
    mutations: Array.from({ length: CHANGES_PER_PUSH }, (_, i) => ({
      mutationId: uuidv7(), entity: 'rooms', recordId: uuidv7(), deleted: false, hlc: formatHlc({ wall: Date.now(), counter: (counter += 1) % 1_000_000, device: 'flood' }),
      patch: { unitId, name: `Sala ${i}`, isStudio: false, capacity: 10 },
    })),
  });

  const until = Date.now() + FLOOD_MS;
  let served = 0;
  let refused = 0;
  const timed = async (run: () => Promise<Response>, into: number[]) => {
    const start = performance.now();
    const res = await run();
    await res.arrayBuffer();
    into.push(performance.now() - start);
    return res;
  };
  const flood = Array.from({ length: PARALLEL_PUSHES }, async () => {
    while (Date.now() < until) {
      const res = await fetch(`${base}/api/v1/sync/push`, { method: 'POST', headers: headers(floodToken), body: body() });
      await res.arrayBuffer();
      if (res.status === 429) {
        refused += 1;
        await sleep(5);
      } else served += 1;
    }
  });
  const health: number[] = [];
  const pulls: number[] = [];
  const probes = (async () => {
    while (Date.now() < until) {
      await Promise.all([
        timed(() => fetch(`${base}/api/v1/health`), health),
        timed(() => fetch(`${base}/api/v1/sync/pull?since=0&limit=100&protocolVersion=${PROTOCOL_VERSION}`, { headers: headers(otherToken) }), pulls),
      ]);
      await sleep(PROBE_EVERY_MS);
    }
  })();
  await Promise.all([...flood, probes]);
  await new Promise<void>((r) => server.close(() => r()));
  await store.close();
  return { health, pulls, served, refused };
}

export async function floodBench(): Promise<string[]> {
  const out = [`flood (issue 14 item 7)${QUICK ? ' --quick' : ''}: one device keeps ${PARALLEL_PUSHES} pushes of ${CHANGES_PER_PUSH} changes in flight for ${FLOOD_MS / 1000} s; PGlite, real HTTP`];
  for (const [name, cap] of [['without a cap (before)', Number.POSITIVE_INFINITY], [`at most ${DEVICE_MAX_IN_FLIGHT} in flight per device (after)`, DEVICE_MAX_IN_FLIGHT]] as const) {
    const r = await floodRun(cap);
    out.push(`  ${name}: ${r.served} pushes served, ${r.refused} refused 429`);
    out.push(line('    GET /api/v1/health', `${r.health.length} probes, p50 ${ms(percentile(r.health, 50))}, p99 ${ms(percentile(r.health, 99))}, max ${ms(Math.max(...r.health))}`));
    out.push(line('    another device\'s pull', `${r.pulls.length} req, p50 ${ms(percentile(r.pulls, 50))}, p99 ${ms(percentile(r.pulls, 99))}`));
  }
  return out;
}
