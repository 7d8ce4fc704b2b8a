/**
 * Issue 4's speed: the initial sync of the demo's large centre (WTZ of 300 participants, a year of
 * history) into a fresh Chromium, in seconds and bytes on the wire, side by side in the same run
 * with PouchDB replicating the same records (pouchdb-browser in a fresh page, from express-pouchdb
 * on in-memory PouchDB, both on loopback, both compressing responses).
 *
 * The same records: after our sync, every row of every synced table in the page's IndexedDB is
 * read back and loaded into the PouchDB server, one document per record. Bytes are counted the
 * same way for both with the CDP Network domain: the encoded (on-the-wire) size of every response
 * of the sync endpoints (ours: /api/v1/sync/*, PouchDB: /db/*) plus the request bodies sent.
 * Time: ours from the "Zaloguj" click to "Zsynchronizowano" (sign-in included), PouchDB from
 * `replicate.from()` to its completion (PouchDB's default batch size, 100).
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../tests/e2e/harness';
import { startPouchServer, type PouchRecord } from './pouchdb-server';
import { startBenchServer } from './server';
import { line } from './stats';

const PASSWORD = 'obecni-demo-2026';

/** Counts bytes of requests whose URL contains `path`, through CDP. */
async function countBytes(page: Page, path: string): Promise<{ reset(): void; total(): number; requests(): number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const watched = new Set<string>();
  let down = 0;
  let up = 0;
  let count = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!e.request.url.includes(path)) return;
    watched.add(e.requestId);
    count += 1;
    if (e.request.postData !== undefined) up += Buffer.byteLength(e.request.postData);
    else if (e.request.hasPostData) void cdp.send('Network.getRequestPostData', { requestId: e.requestId }).then((r) => { up += Buffer.byteLength(r.postData); }).catch(() => undefined);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (watched.has(e.requestId)) down += e.encodedDataLength;
  });
  return {
    reset: () => { down = 0; up = 0; count = 0; },
    total: () => down + up,
    requests: () => count,
  };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

export async function initialSyncBench(): Promise<string[]> {
  const out: string[] = ['initial sync (issue 4): WTZ of 300 participants, 12 months of history, therapist device, fresh Chromium'];
  const server = await startBenchServer({ wtzParticipants: 300, historyMonths: 12 });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  let pouch: Awaited<ReturnType<typeof startPouchServer>> | null = null;
  try {
    // Ours.
    const ours = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    await ours.addInitScript({ content: 'window.__name = (f) => f;' });
    const page = await ours.newPage();
    const bytes = await countBytes(page, '/api/v1/sync/');
    await page.goto(server.url);
    await page.getByLabel('Login').fill('terapeuta');
    await page.getByLabel('Hasło').fill(PASSWORD);
    bytes.reset();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Zaloguj', exact: true }).click();
    await page.getByText(/Zsynchronizowano/).first().waitFor({ timeout: 1_800_000 });
    const oursSeconds = (Date.now() - t0) / 1000;
    const oursBytes = bytes.total();
    const oursRequests = bytes.requests();
    const records = await page.evaluate(async (tables) => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('obecni'); r.onsuccess = () => resolve(r.result); });
      const all: { entity: string; row: Record<string, unknown> }[] = [];
      const tx = db.transaction(tables.filter((t) => db.objectStoreNames.contains(t)));
      await Promise.all(tables.filter((t) => db.objectStoreNames.contains(t)).map((t) => new Promise<void>((resolve) => {
        const req = tx.objectStore(t).getAll();
        req.onsuccess = () => { for (const row of req.result as Record<string, unknown>[]) all.push({ entity: t, row }); resolve(); };
      })));
      db.close();
      return all;
    }, ['organizations', 'units', 'rooms', 'staff', 'participants', 'activities', 'sessions', 'dayMarks', 'sessionMarks', 'absenceNotices', 'routes', 'routeStops', 'mealOrders', 'transportEvents']);
    await ours.close();
    const byEntity = new Map<string, number>();
    for (const r of records) byEntity.set(r.entity, (byEntity.get(r.entity) ?? 0) + 1);
    out.push(line('records synced', `${records.length} (${[...byEntity].filter(([, n]) => n > 1000).map(([e, n]) => `${e} ${n}`).join(', ')})`));
    out.push(line('ours: sign-in to synced', `${oursSeconds.toFixed(1)} s, ${mib(oursBytes)} in ${oursRequests} requests`));

    // PouchDB, the same records, a fresh context.
    pouch = await startPouchServer(records as PouchRecord[]);
    const theirs = await browser.newContext();
    const pouchPage = await theirs.newPage();
    const pouchBytes = await countBytes(pouchPage, '/db/');
    await pouchPage.goto(`${pouch.url}/bench.html`);
    pouchBytes.reset();
    const replicated = await pouchPage.evaluate(async (dbUrl) => {
      const P = (globalThis as unknown as { PouchDB: new (name: string) => { replicate: { from(url: string): Promise<{ docs_written: number }> }; info(): Promise<{ doc_count: number }> } }).PouchDB;
      const local = new P('replica');
      const start = performance.now();
      const result = await local.replicate.from(dbUrl);
      const seconds = (performance.now() - start) / 1000;
      return { seconds, written: result.docs_written, stored: (await local.info()).doc_count };
    }, pouch.dbUrl);
    const theirBytes = pouchBytes.total();
    out.push(line('PouchDB: replicate.from() to complete', `${replicated.seconds.toFixed(1)} s, ${mib(theirBytes)} in ${pouchBytes.requests()} requests (${replicated.stored} of ${pouch.docs} docs stored)`));
    const faster = replicated.seconds / oursSeconds;
    const smaller = theirBytes / oursBytes;
    out.push(line('ours against PouchDB', `${faster.toFixed(1)}× faster, ${smaller.toFixed(1)}× fewer bytes`,
      { ok: faster >= 3 && smaller >= 3, text: '≥ 3× faster and ≤ ⅓ of the bytes' }));
    await theirs.close();
  } finally {
    await browser.close();
    await server.close();
    await pouch?.close();
  }
  return out;
}
