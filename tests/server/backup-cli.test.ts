/**
 * `npm run backup` / `npm run restore` as the administrator runs them (the CLI in a child process,
 * on PGlite DATA_DIRs): exit codes, refusals, messages without personal data, and the refusal to
 * open a DATA_DIR that a running server holds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteStore } from '../../src/server/store/pglite-store';
import { SETUP, setUp, testApp } from './helpers';

function cli(args: string[], dataDir: string): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/backup-cli.ts', ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('backup and restore commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obecni-cli-'));
  const source = join(dir, 'source');
  const file = join(dir, 'kopia.json');

  beforeAll(async () => {
    const store = await openPgliteStore({ dataDir: source });
    await store.migrate();
    await setUp(testApp(store).app);
    await store.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('BACKUP-CLI: backup writes the file; restore refuses a non-empty target (4), a damaged file (3), and fills an empty one (0)', () => {
    const backup = cli(['backup', '--out', file], source);
    expect(backup.status, backup.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.partial`)).toBe(false);

    const notEmpty = cli(['restore', '--in', file], source);
    expect(notEmpty.status).toBe(4);
    expect(notEmpty.stderr).toMatch(/not empty/);

    const text = readFileSync(file, 'utf8');
    const damaged = join(dir, 'uszkodzona.json');
    writeFileSync(damaged, text.replace(/"displayName":"[^"]*"/, '"displayName":42'));
    const bad = cli(['restore', '--in', damaged], join(dir, 'bad-target'));
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/users\[0\]\.displayName: invalidType/);
    for (const value of [SETUP.adminName, SETUP.organizationName, SETUP.login, SETUP.unitName]) expect(bad.stderr + bad.stdout).not.toContain(value);

    const good = cli(['restore', '--in', file], join(dir, 'target'));
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/sign in again/);

    expect(cli(['restore'], source).status).toBe(2);
    expect(cli(['restore', '--in', join(dir, 'nie-ma.json')], source).status).toBe(2);
  }, 300_000);

  it('BACKUP-CLI-LOCK: a DATA_DIR held by a running server is refused with an explanation', async () => {
    const store = await openPgliteStore({ dataDir: source });
    try {
      const res = cli(['backup', '--out', join(dir, 'druga.json')], source);
      expect(res.status).toBe(1);
      expect(res.stderr).toMatch(/in use by a running server/);
    } finally {
      await store.close();
    }
  }, 120_000);
});
