/**
 * FAULT-KILL-PULL: a tablet's first sync (the demo centre, several pull pages) is cut by a SIGKILL
 * of the server after its first page; the tablet says the sync failed, retries by itself once the
 * server is back, and ends with exactly the records the server holds for it.
 *
 * FAULT-KILL: the server process is killed (SIGKILL) in the middle of a push batch and started
 * again. Every mutation acknowledged before the kill is there; the interrupted batch landed either
 * whole or not at all; retrying it applies it exactly once (one history row per mutation), and
 * retrying an acknowledged batch changes nothing. On PGlite (files in DATA_DIR) and on
 * PostgreSQL (when DATABASE_URL is set; required in CI).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/domain';
import { PROTOCOL_VERSION, type Mutation, type PullResponse, type PushResponse, type SessionInfo } from '../../src/protocol';
import { accessToken, launchBrowser, newAppContext, startServer, loadDemoThroughApi, type RunningServer } from './harness';

const SETUP = {
  organizationName: 'MOPS Próbny', city: 'Próbów', unitName: 'WTZ Próba', unitKind: 'wtz',
  adminName: 'Anna Próbna', login: 'anna.admin', password: 'bardzo-tajne-haslo',
};

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

function rooms(unitId: string, count: number, startMs: number, device: string): Mutation[] {
  return Array.from({ length: count }, (_, i) => ({
    mutationId: uuidv7(), entity: 'rooms', recordId: uuidv7(), deleted: false,
    hlc: formatHlc({ wall: startMs + i, counter: 0, device }),
    patch: { unitId, name: `Sala ${i + 1}`, isStudio: false, capacity: 10 },
  }));
}

/** A push with an access token got beforehand (so the kill timing counts from the push itself). */
function pushWith(server: RunningServer, token: string, session: SessionInfo, mutations: Mutation[]): Promise<Response> {
  return fetch(`${server.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: session.deviceId, mutations }),
  });
}

/** A push with a fresh access token (a restarted server signs with a new key). */
async function push(server: RunningServer, session: SessionInfo, mutations: Mutation[]): Promise<Response> {
  return pushWith(server, await accessToken(server.url, session.deviceToken), session, mutations);
}

async function pullAll(server: RunningServer, session: SessionInfo): Promise<PullResponse['changes']> {
  const all: PullResponse['changes'] = [];
  const token = await accessToken(server.url, session.deviceToken);
  for (let since = 0, more = true; more;) {
    const res = await fetch(`${server.url}/api/v1/sync/pull?since=${since}&limit=2000&protocolVersion=${PROTOCOL_VERSION}`, { headers: { authorization: `Bearer ${token}` } });
    const page = await json<PullResponse>(res);
    all.push(...page.changes);
    since = page.cursor;
    more = page.hasMore;
  }
  return all;
}

function killScenario(name: string, open: () => Promise<{ server: RunningServer; history: (recordIds: string[]) => Promise<number> | null }>): void {
  it(`${name}: acknowledged writes survive a SIGKILL mid-push, the cut batch is all-or-nothing, and a retry applies once`, { timeout: 180_000 }, async () => {
    const { server, history } = await open();
    try {
      const session = await json<SessionInfo>(await fetch(`${server.url}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...SETUP, setupCode: server.setupCode() }) }));
      const unitId = (await pullAll(server, session)).find((c) => c.entity === 'units')!.recordId;
      const t0 = Date.now();

      const acknowledged = rooms(unitId, 50, t0, 'tablet-a');
      const first = await json<PushResponse>(await push(server, session, acknowledged));
      expect(first.accepted).toHaveLength(50);

      // Kill at several moments so that at least one lands inside the batch's transaction.
      const cuts: Mutation[][] = [];
      const outcomes: string[] = [];
      for (const [i, delay] of [5, 25, 60, 120].entries()) {
        const cut = rooms(unitId, 500, t0 + (i + 1) * 10_000, `tablet-${i}`);
        cuts.push(cut);
        const token = await accessToken(server.url, session.deviceToken);
        const inFlight = pushWith(server, token, session, cut).then(() => 'answered', () => 'cut');
        await new Promise((r) => setTimeout(r, delay));
        await server.kill();
        outcomes.push(await inFlight);
        await server.start();

        const afterKill = new Set((await pullAll(server, session)).filter((c) => c.entity === 'rooms').map((c) => c.recordId));
        expect(acknowledged.every((m) => afterKill.has(m.recordId))).toBe(true);
        const landed = cut.filter((m) => afterKill.has(m.recordId)).length;
        expect([0, cut.length], `cut batch landed ${landed} of ${cut.length}`).toContain(landed);

        const retry = await json<PushResponse>(await push(server, session, cut));
        expect(retry.accepted).toHaveLength(cut.length);
      }
      expect(outcomes).toContain('cut');
      const again = await json<PushResponse>(await push(server, session, acknowledged));
      expect(again.accepted).toHaveLength(acknowledged.length);

      const final = (await pullAll(server, session)).filter((c) => c.entity === 'rooms' && !c.deleted);
      expect(new Set(final.map((c) => c.recordId)).size).toBe(50 + 4 * 500);
      const rows = await history([...acknowledged, ...cuts.flat()].map((m) => m.recordId));
      if (rows !== null) expect(rows).toBe(50 + 4 * 500);
    } finally {
      await server.stop();
    }
  });
}

describe('FAULT-KILL: SIGKILL during a push', () => {
  killScenario('PGlite', async () => ({ server: await startServer(), history: () => null }));

  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `kill_${randomBytes(5).toString('hex')}`;
    const client = new pg.Client({ connectionString: url });
    afterAll(async () => {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await client.end().catch(() => undefined);
    });
    killScenario('PostgreSQL', async () => {
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      const withSchema = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const server = await startServer({ databaseUrl: withSchema });
      return {
        server,
        history: async (recordIds) => {
          const res = await client.query(`SELECT count(*)::int AS n FROM ${schema}.mutations WHERE record_id = ANY($1)`, [recordIds]);
          return Number(res.rows[0].n);
        },
      };
    });
  } else {
    it('FAULT-KILL-PG: PostgreSQL is required in CI (REQUIRE_POSTGRES)', () => {
      expect(process.env.REQUIRE_POSTGRES, 'REQUIRE_POSTGRES=1 but DATABASE_URL is not set').not.toBe('1');
    });
  }
});

describe('FAULT-KILL-PULL: SIGKILL during a tablet\'s pull', () => {
  it('PGlite: the tablet shows the failed sync, resumes by itself after the restart, and holds exactly the server\'s records', { timeout: 300_000 }, async () => {
    const server = await startServer();
    const browser = await launchBrowser();
    try {
      expect((await loadDemoThroughApi(server)).status).toBe(200);
      const context = await newAppContext(browser);
      const page = await context.newPage();
      await page.goto(server.url);
      // The second page of the first sync (a cursor past 0) is in flight: kill the server now.
      const secondPage = page.waitForRequest((r) => r.url().includes('/api/v1/sync/pull') && !/since=0(&|$)/.test(r.url()), { timeout: 120_000 });
      await page.getByLabel('Login').fill('admin');
      await page.getByLabel('Hasło').fill('obecni-demo-2026');
      await page.getByRole('button', { name: 'Zaloguj', exact: true }).click();
      await secondPage;
      await server.kill();

      // What the user sees: the sync failed (the data already pulled stays on the tablet).
      await page.getByText('Błąd synchronizacji').first().waitFor({ timeout: 60_000 });
      const partial = await page.evaluate(() => new Promise<number>((resolve) => {
        const req = indexedDB.open('obecni');
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('meta', 'readonly').objectStore('meta').get('cursor');
          tx.onsuccess = () => {
            db.close();
            resolve(Number((tx.result as { value?: number } | undefined)?.value ?? 0));
          };
        };
      }));

      await server.start();
      // No button pressed: the engine's own retry (backoff) finishes the sync.
      await page.getByText(/Zsynchronizowano/).first().waitFor({ timeout: 180_000 });

      const login = await json<SessionInfo>(await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'obecni-demo-2026', deviceName: 'test' }),
      }));
      const onServer = new Map<string, Set<string>>();
      for (const c of await pullAll(server, login)) {
        const ids = onServer.get(c.entity) ?? new Set<string>();
        if (c.deleted) ids.delete(c.recordId);
        else ids.add(c.recordId);
        onServer.set(c.entity, ids);
      }
      const onTablet = await page.evaluate(async (entities) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const req = indexedDB.open('obecni');
          req.onsuccess = () => resolve(req.result);
        });
        const out: Record<string, string[]> = {};
        for (const entity of entities) {
          if (!db.objectStoreNames.contains(entity)) continue;
          out[entity] = await new Promise<string[]>((resolve) => {
            const req = db.transaction(entity, 'readonly').objectStore(entity).getAll();
            req.onsuccess = () => resolve((req.result as { id: string; deleted?: boolean }[]).filter((r) => !r.deleted).map((r) => r.id));
          });
        }
        db.close();
        return out;
      }, [...onServer.keys()]);
      expect(partial, 'the first page was stored before the kill').toBeGreaterThan(0);
      for (const [entity, ids] of onServer) expect([...(onTablet[entity] ?? [])].sort(), entity).toEqual([...ids].sort());
      expect(await page.getByText('Błąd synchronizacji').count()).toBe(0);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
