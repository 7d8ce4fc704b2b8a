/**
 * The comparison server of issue 4's initial-sync benchmark (dev-only): PouchDB on Node with the
 * in-memory adapter behind express-pouchdb (CouchDB's replication API), on loopback, serving also
 * a blank page with pouchdb-browser bundled by esbuild, so the browser replicates same-origin.
 */
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-node';
import memoryAdapter from 'pouchdb-adapter-memory';

export interface PouchBenchServer { url: string; dbUrl: string; docs: number; close(): Promise<void> }

/** One record as a CouchDB document: `entity/id` as its id, the record's fields as they are. */
export interface PouchRecord { entity: string; row: Record<string, unknown> }

export async function startPouchServer(records: readonly PouchRecord[]): Promise<PouchBenchServer> {
  PouchDB.plugin(memoryAdapter);
  const Memory = PouchDB.defaults({ adapter: 'memory' });
  const name = `bench-${Date.now()}`;
  const db = new Memory(name);
  for (let i = 0; i < records.length; i += 5000) {
    await db.bulkDocs(records.slice(i, i + 5000).map(({ entity, row }) => ({ ...row, _id: `${entity}/${String(row.id)}`, entity })));
  }
  const bundle = await build({
    stdin: { contents: "import PouchDB from 'pouchdb-browser'; globalThis.PouchDB = PouchDB;", resolveDir: import.meta.dirname },
    bundle: true, format: 'iife', platform: 'browser', minify: true, write: false, logLevel: 'silent',
    define: { global: 'globalThis' },
  });
  const script = bundle.outputFiles[0]!.text;
  const app = express();
  app.get('/bench.html', (_req, res) => { res.type('html').send('<!doctype html><title>pouchdb bench</title><script src="/pouchdb.js"></script>'); });
  app.get('/pouchdb.js', (_req, res) => { res.type('js').send(script); });
  app.use('/db', expressPouchDB(Memory, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    dbUrl: `${url}/db/${name}`,
    docs: (await db.info()).doc_count,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await db.destroy();
    },
  };
}
