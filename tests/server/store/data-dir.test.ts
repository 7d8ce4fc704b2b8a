/**
 * Issue 14 item 2: the database files must not be readable by other local users. The real server
 * is started under the loosest umask (000), as a careless service unit would; afterwards no file
 * or directory of DATA_DIR may grant anything to group or others. An existing open DATA_DIR is
 * tightened; one the server cannot tighten stops it with a message naming the fix.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupToFile } from '../../../src/server/backup/files';
import { DataDirError, secureDataDir } from '../../../src/server/store/data-dir';
import { openPgliteStore } from '../../../src/server/store/pglite-store';
import { setUp, testApp } from '../helpers';
import { openMemoryStore } from './memory-store';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Every path under `dir` (itself included) whose mode grants group or others anything. */
function openToOthers(dir: string): { count: number; open: string[] } {
  const open: string[] = [];
  let count = 0;
  const walk = (path: string) => {
    const s = lstatSync(path);
    count += 1;
    if (!s.isSymbolicLink() && (s.mode & 0o077) !== 0) open.push(`${(s.mode & 0o777).toString(8)} ${path.slice(dir.length)}`);
    if (s.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(dir);
  return { count, open };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `npm run serve` as `sh -c 'umask 000; exec node …'`, waits for health, stops it with SIGTERM; returns its output and exit code. */
async function runServer(dataDir: string, opts: { waitForHealth: boolean }): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: join(ROOT, 'public') };
  delete env.DATABASE_URL;
  const child = spawn('sh', ['-c', `umask 000; exec "${process.execPath}" --import tsx src/server/main.ts`], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  if (opts.waitForHealth) {
    for (let i = 0; i < 600 && child.exitCode === null; i += 1) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    child.kill('SIGTERM');
  }
  return { code: await exited, output };
}

describe('DATA_DIR is private to the server user (issue 14 item 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obecni-datadir-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('SEC-DATA-DIR-MODES: the server started under umask 000 leaves DATA_DIR 0700 and no file readable by group or others', async () => {
    const dataDir = join(dir, 'fresh', 'data');
    const run = await runServer(dataDir, { waitForHealth: true });
    expect(run.code, run.output).toBe(0);
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const { count, open } = openToOthers(dataDir);
    expect(count).toBeGreaterThan(500);
    expect(open).toEqual([]);
  }, 180_000);

  it('SEC-DATA-DIR-TIGHTEN: an existing DATA_DIR open to others (0755, files 0666) is tightened when the database opens and closes', async () => {
    const dataDir = join(dir, 'existing');
    mkdirSync(join(dataDir, 'old'), { recursive: true });
    writeFileSync(join(dataDir, 'old', 'notes.txt'), 'x');
    chmodSync(join(dataDir, 'old', 'notes.txt'), 0o666);
    chmodSync(join(dataDir, 'old'), 0o755);
    chmodSync(dataDir, 0o755);
    const store = await openPgliteStore({ dataDir });
    try {
      expect(openToOthers(dataDir).open).toEqual([]);
      await store.migrate();
    } finally {
      await store.close();
    }
    expect(statSync(join(dataDir, 'old', 'notes.txt')).mode & 0o777).toBe(0o600);
    expect(openToOthers(dataDir).open).toEqual([]);
  }, 120_000);

  it('SEC-DATA-DIR-REFUSE: a DATA_DIR the server cannot tighten, or that is a file, stops it with a message naming the fix', async () => {
    const dataDir = join(dir, 'foreign');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    const notOwner = () => { throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' }); };
    expect(() => secureDataDir(dataDir, { chmod: notOwner })).toThrow(DataDirError);
    expect(() => secureDataDir(dataDir, { chmod: notOwner })).toThrow(/chmod -R go-rwx/);

    const file = join(dir, 'plik');
    writeFileSync(file, '');
    const run = await runServer(file, { waitForHealth: false });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/DATA_DIR \(.*plik\) nie jest katalogiem \/ is not a directory/);
  }, 120_000);

  it('SEC-BACKUP-MODE: a backup is 0600 even over a leftover, world-readable partial file', async () => {
    const store = await openMemoryStore();
    try {
      await store.migrate();
      await setUp(testApp(store).app);
      const out = join(dir, 'kopia.json');
      writeFileSync(`${out}.partial`, 'stare');
      chmodSync(`${out}.partial`, 0o644);
      await backupToFile(store, out, { nowMs: Date.now(), encryption: { kind: 'plain' } });
      expect(statSync(out).mode & 0o777).toBe(0o600);
    } finally {
      await store.close();
    }
  });
});
