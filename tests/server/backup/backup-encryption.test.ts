/**
 * Issue 14 item 8: backups are encrypted in the age format. A backup written with a passphrase or
 * for a recipient holds nothing readable; the restore decrypts it; a wrong key, no key or a
 * damaged file is refused with a reason and leaves the target empty; and the standard `age` tool
 * reads what Obecni writes and Obecni reads what `age` writes (skipped only on a machine without
 * `age`, never in CI, where .ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../src/protocol';
import { backupToFile, restoreFromFile } from '../../../src/server/backup/files';
import type { Store } from '../../../src/server/store/store';
import { EMPTY_COUNTS, tableCounts } from './backup-contract';
import { SETUP, setUp, testApp } from '../helpers';
import { openMemoryStore } from '../store/memory-store';

/** A low scrypt work factor keeps the tests fast; the commands use age's default (18). */
const FAST = 10;
const PASSPHRASE = 'kopia-zapasowa-zielony-dol';

const ageMissing = spawnSync('age', ['--version']).error !== undefined;

async function emptyStore(): Promise<Store> {
  const store = await openMemoryStore();
  await store.migrate();
  return store;
}

describe('encrypted backups (issue 14 item 8)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obecni-age-'));
  let source: Store;
  let admin: SessionInfo;
  let identity: string;
  let recipient: string;

  beforeAll(async () => {
    source = await emptyStore();
    admin = await setUp(testApp(source).app);
    identity = await generateX25519Identity();
    recipient = await identityToRecipient(identity);
  });
  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The private words a backup of the set-up server holds in clear. */
  const secrets = () => ['obecni-backup', SETUP.organizationName, SETUP.adminName, SETUP.login, 'scrypt$', admin.user.id];

  it('SEC-BACKUP-AGE-PASSPHRASE: a passphrase backup is an age file (0600) with nothing readable, and restores with the passphrase', async () => {
    const file = join(dir, 'haslo.json.age');
    await backupToFile(source, file, { nowMs: Date.now(), encryption: { kind: 'passphrase', passphrase: PASSPHRASE, workFactor: FAST } });
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
    expect(bytes.toString('latin1')).toMatch(/\n-> scrypt \S+ 10\n/);
    for (const s of secrets()) expect(bytes.includes(Buffer.from(s))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const target = await emptyStore();
    try {
      const result = await restoreFromFile(target, file, { nowMs: Date.now(), keys: { passphrases: [PASSPHRASE], identities: [] } });
      expect(result.ok).toBe(true);
      expect((await target.accounts.findUserByLogin(SETUP.login))?.displayName).toBe(SETUP.adminName);
    } finally {
      await target.close();
    }
  });

  it('SEC-BACKUP-AGE-REFUSED: a wrong passphrase, no key or a damaged file is refused by reason and the target stays empty', async () => {
    const file = join(dir, 'odmowa.json.age');
    await backupToFile(source, file, { nowMs: Date.now(), encryption: { kind: 'passphrase', passphrase: PASSPHRASE, workFactor: FAST } });
    const damaged = join(dir, 'uszkodzona.json.age');
    const bytes = readFileSync(file);
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] ?? 0) ^ 1;
    writeFileSync(damaged, bytes);

    const target = await emptyStore();
    try {
      const attempts = [
        [file, { passphrases: ['to-nie-jest-to-haslo'], identities: [] }, 'wrongKey'],
        [file, { passphrases: [], identities: [identity] }, 'wrongKey'],
        [file, undefined, 'needsKey'],
        [damaged, { passphrases: [PASSPHRASE], identities: [] }, 'damaged'],
      ] as const;
      for (const [path, keys, failure] of attempts) {
        const result = await restoreFromFile(target, path, { nowMs: Date.now(), ...(keys ? { keys: { passphrases: [...keys.passphrases], identities: [...keys.identities] } } : {}) });
        expect(result).toEqual({ ok: false, reason: 'cannotDecrypt', failure });
        expect(await tableCounts(target)).toEqual(EMPTY_COUNTS);
      }
    } finally {
      await target.close();
    }
  });

  it('SEC-BACKUP-AGE-RECIPIENT: a backup for a recipient key restores with its identity', async () => {
    const file = join(dir, 'odbiorca.json.age');
    await backupToFile(source, file, { nowMs: Date.now(), encryption: { kind: 'recipients', recipients: [recipient] } });
    expect(readFileSync(file, 'latin1')).toMatch(/\n-> X25519 /);
    const target = await emptyStore();
    try {
      expect((await restoreFromFile(target, file, { nowMs: Date.now(), keys: { passphrases: [], identities: [identity] } })).ok).toBe(true);
    } finally {
      await target.close();
    }
  });

  it.skipIf(ageMissing && !process.env.CI)('SEC-BACKUP-AGE-INTEROP: the age tool decrypts an Obecni backup, and Obecni restores a backup the age tool encrypted', async () => {
    const keyFile = join(dir, 'klucz.txt');
    writeFileSync(keyFile, `# created: test\n# public key: ${recipient}\n${identity}\n`, { mode: 0o600 });
    const file = join(dir, 'dla-age.json.age');
    await backupToFile(source, file, { nowMs: Date.now(), encryption: { kind: 'recipients', recipients: [recipient] } });
    const decrypted = spawnSync('age', ['--decrypt', '--identity', keyFile, file], { encoding: 'utf8' });
    expect(decrypted.status, decrypted.stderr).toBe(0);
    expect((JSON.parse(decrypted.stdout) as { format: string }).format).toBe('obecni-backup');

    const plain = join(dir, 'jawna.json');
    await backupToFile(source, plain, { nowMs: Date.now(), encryption: { kind: 'plain' } });
    const byAge = join(dir, 'z-age.json.age');
    const encrypted = spawnSync('age', ['--encrypt', '--recipient', recipient, '--output', byAge, plain], { encoding: 'utf8' });
    expect(encrypted.status, encrypted.stderr).toBe(0);
    const target = await emptyStore();
    try {
      expect((await restoreFromFile(target, byAge, { nowMs: Date.now(), keys: { passphrases: [], identities: [identity] } })).ok).toBe(true);
    } finally {
      await target.close();
    }
  });
});
