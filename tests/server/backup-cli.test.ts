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
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { openPgliteStore } from '../../src/server/store/pglite-store';
import { SETUP, setUp, testApp } from './helpers';

function cli(args: string[], dataDir: string, extraEnv: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.OBECNI_BACKUP_PASSPHRASE;
  Object.assign(env, extraEnv);
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
    const backup = cli(['backup', '--out', file, '--plain'], source);
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

  it('SEC-BACKUP-CLI-ENCRYPTED: backups are encrypted unless --plain; restore needs the right key, and a wrong one exits 5 changing nothing', async () => {
    const noKey = cli(['backup', '--out', join(dir, 'bez-klucza.json')], source);
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toMatch(/plain JSON only with --plain/);
    expect(existsSync(join(dir, 'bez-klucza.json'))).toBe(false);
    expect(cli(['backup', '--out', join(dir, 'krotkie.json')], source, { OBECNI_BACKUP_PASSPHRASE: 'krotkie' }).stderr).toMatch(/at least 12 characters/);

    // With the passphrase in the environment: age's scrypt recipient at its default work factor 18.
    const withPassphrase = join(dir, 'haslo.json.age');
    const byPassphrase = cli(['backup', '--out', withPassphrase], source, { OBECNI_BACKUP_PASSPHRASE: 'zielony-dol-kopia-2026' });
    expect(byPassphrase.status, byPassphrase.stderr).toBe(0);
    expect(byPassphrase.stdout).toMatch(/encrypted with a passphrase/);
    const header = readFileSync(withPassphrase, 'latin1');
    expect(header).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S+ 18\n/);
    expect(header).not.toContain('obecni-backup');

    const identity = await generateX25519Identity();
    const keyFile = join(dir, 'klucz.txt');
    writeFileSync(keyFile, `# public key: ${await identityToRecipient(identity)}\n${identity}\n`, { mode: 0o600 });
    const forKey = join(dir, 'klucz.json.age');
    const byKey = cli(['backup', '--out', forKey, '--recipient', await identityToRecipient(identity)], source);
    expect(byKey.status, byKey.stderr).toBe(0);
    expect(readFileSync(forKey, 'latin1')).toMatch(/^age-encryption\.org\/v1\n-> X25519 /);

    const target = join(dir, 'target-age');
    const noKeyRestore = cli(['restore', '--in', forKey], target);
    expect(noKeyRestore.status).toBe(5);
    expect(noKeyRestore.stderr).toMatch(/the backup is encrypted/);
    const wrong = cli(['restore', '--in', forKey], target, { OBECNI_BACKUP_PASSPHRASE: 'zle-haslo-zle-haslo' });
    expect(wrong.status).toBe(5);
    expect(wrong.stderr).toMatch(/does not open this backup; nic nie zostało zmienione\. \/ Nothing was changed/);
    expect(existsSync(target)).toBe(false);

    const good = cli(['restore', '--in', forKey, '--identity', keyFile], target);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/backup restored/);
  }, 300_000);

  it('BACKUP-CLI-LOCK: a DATA_DIR held by a running server is refused with an explanation', async () => {
    const store = await openPgliteStore({ dataDir: source });
    try {
      const res = cli(['backup', '--out', join(dir, 'druga.json'), '--plain'], source);
      expect(res.status).toBe(1);
      expect(res.stderr).toMatch(/in use by a running server/);
    } finally {
      await store.close();
    }
  }, 120_000);
});
