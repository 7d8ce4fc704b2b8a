/**
 * The backup and restore against files: the backup goes to `<out>.partial` (mode 0600: it holds
 * health data and password hashes), is flushed to disk and renamed only when complete, so a
 * crashed backup never leaves a file that looks finished; then the backup is audited.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { Store } from '../store/store';
import { restoreBackup, type RestoreResult } from './restore';
import { writeBackup, type BackupSummary } from './write-backup';

/** Writes the backup of the organization to `path`; returns what went in. */
export async function backupToFile(store: Store, path: string, opts: { nowMs: number; organizationId?: string }): Promise<BackupSummary> {
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial, { mode: 0o600, flags: 'w' });
  const failed = once(stream, 'error').then(([error]) => { throw error as Error; });
  failed.catch(() => undefined);
  let summary: BackupSummary;
  try {
    summary = await writeBackup(store, async (text) => {
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
    }, opts);
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
    details: { records: Object.values(summary.counts.records).reduce((a, b) => a + b, 0), history: summary.counts.history, changeSeq: summary.changeSeq },
  });
  return summary;
}

/** Restores the backup file at `path` into the empty store. */
export function restoreFromFile(store: Store, path: string, opts: Parameters<typeof restoreBackup>[2]): Promise<RestoreResult> {
  return restoreBackup(store, () => createReadStream(path, { highWaterMark: 1024 * 1024 }), opts);
}
