/**
 * The backup and restore against files: the backup goes to `<out>.partial` (mode 0600: it holds
 * health data and password hashes), encrypted in the age format unless plain JSON is asked for
 * (encryption.ts), is flushed to disk and renamed only when complete, so a crashed backup never
 * leaves a file that looks finished; then the backup is audited. A restore recognises an age file
 * by its first line and decrypts it as it reads; a plain JSON file is read as it is.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { Store } from '../store/store';
import { BackupDecryptError, backupFileKind, decryptedChunks, encryptingWriter, type BackupDecryption, type BackupEncryption, type DecryptFailure } from './encryption';
import { restoreBackup, type RestoreResult } from './restore';
import { writeBackup, type BackupSummary } from './write-backup';

/** Writes the backup of the organization to `path`, encrypted as `encryption` says; returns what went in. */
export async function backupToFile(store: Store, path: string, opts: { nowMs: number; organizationId?: string; encryption: BackupEncryption }): Promise<BackupSummary> {
  const partial = `${path}.partial`;
  // A leftover partial file keeps its old mode when opened with 'w': start from a new file instead.
  await rm(partial, { force: true });
  const stream = createWriteStream(partial, { mode: 0o600, flags: 'wx' });
  const failed = once(stream, 'error').then(([error]) => { throw error as Error; });
  failed.catch(() => undefined);
  let summary: BackupSummary;
  try {
    const out = await encryptingWriter(opts.encryption, async (bytes) => {
      if (!stream.write(bytes)) await Promise.race([once(stream, 'drain'), failed]);
    });
    summary = await writeBackup(store, out.write, opts);
    await out.end();
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
    const handle = await open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, path);
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  await store.audit.record(summary.organizationId, {
    atMs: opts.nowMs, userId: null, deviceId: null, action: 'backup',
    details: {
      records: Object.values(summary.counts.records).reduce((a, b) => a + b, 0), history: summary.counts.history, changeSeq: summary.changeSeq,
      encryption: opts.encryption.kind,
    },
  });
  return summary;
}

/** A restore that could not read an encrypted file: no key given, a wrong one, or a damaged file. Nothing was written. */
export type FileRestoreResult = RestoreResult | { ok: false; reason: 'cannotDecrypt'; failure: DecryptFailure };

/** Restores the backup file at `path` (plain JSON, or an age file opened with `keys`) into the empty store. */
export async function restoreFromFile(store: Store, path: string, opts: Parameters<typeof restoreBackup>[2] & { keys?: BackupDecryption }): Promise<FileRestoreResult> {
  if ((await backupFileKind(path)) === 'plain') {
    return restoreBackup(store, () => createReadStream(path, { highWaterMark: 1024 * 1024 }), opts);
  }
  const keys = opts.keys ?? { passphrases: [], identities: [] };
  try {
    return await restoreBackup(store, () => decryptedChunks(path, keys), opts);
  } catch (error) {
    if (error instanceof BackupDecryptError) return { ok: false, reason: 'cannotDecrypt', failure: error.reason };
    throw error;
  }
}
