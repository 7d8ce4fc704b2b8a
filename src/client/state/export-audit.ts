/**
 * The audit trail of exports (issue 7). An export is made on the device, often offline, so its
 * record (who is known to the server from the device token; what: unit, report, format, period,
 * how many people; when: the device clock) goes to `POST /api/v1/exports` at once when the server
 * answers, and otherwise waits in the local-only `meta` table (`pendingExports`) and is sent the
 * next time a report is exported or the reports screen opens. Each record has its own id, so a
 * record sent twice (a lost answer) is stored once. A record the server refuses for good (403,
 * 400) is dropped: retrying would never succeed. See docs/protocol.md.
 */
import { uuidv7 } from 'uuidv7';
import type { ExportLogResponse, ExportRecord, ExportReport } from '../../protocol';
import { getMeta, setMeta } from '../storage/meta';
import { TransportError } from '../sync/transport';
import { toAppError } from './errors';
import { runtime } from './runtime';
import type { AppError } from './types';

export type ExportFacts = Omit<ExportRecord, 'exportId' | 'atMs'>;

const retryable = (error: unknown) => !(error instanceof TransportError) || error.code === 'network' || error.code === 'server'
  || error.code === 'internal' || error.code === 'rateLimited' || error.code === 'unauthorized';

let flushing: Promise<void> | null = null;

/** Sends the waiting records, oldest first; stops at the first one that must wait longer. */
export function flushPendingExports(): Promise<void> {
  flushing ??= (async () => {
    const db = runtime.db.value;
    const session = runtime.stored;
    if (!db || !session) return;
    const pending = (await getMeta(db, 'pendingExports')) ?? [];
    let sent = 0;
    for (const record of pending) {
      try {
        await runtime.config.transport.recordExport(session.deviceToken, record);
      } catch (error) {
        if (retryable(error)) break;
      }
      sent += 1;
    }
    if (sent > 0) {
      await db.transaction('rw', db.meta, async () => {
        const now = (await getMeta(db, 'pendingExports')) ?? [];
        const done = new Set(pending.slice(0, sent).map((r) => r.exportId));
        await setMeta(db, 'pendingExports', now.filter((r) => !done.has(r.exportId)));
      });
    }
  })().finally(() => { flushing = null; });
  return flushing;
}

/** Records an export: queued on the device first (so nothing is lost), then sent with the others. */
export async function recordExport(facts: ExportFacts): Promise<void> {
  const db = runtime.db.value;
  if (!db || !runtime.stored) return;
  const record: ExportRecord = { ...facts, exportId: uuidv7(), atMs: Math.round(runtime.config.nowMs()) };
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, 'pendingExports', [...((await getMeta(db, 'pendingExports')) ?? []), record]);
  });
  await flushing;
  await flushPendingExports();
}

/** Records that a report was sent to the printer (printing is an export too). */
export function recordPrint(report: ExportReport, unitId: string, from: string, to: string, rows: number): Promise<void> {
  return recordExport({ unitId, report, format: 'print', from, to, rows });
}

/** How many export records wait for the server. */
export async function pendingExportCount(): Promise<number> {
  const db = runtime.db.value;
  return db ? ((await getMeta(db, 'pendingExports')) ?? []).length : 0;
}

/** Administrators: the newest exports recorded on the server (online only). */
export async function loadExportLog(): Promise<{ ok: true; value: ExportLogResponse } | { ok: false; error: AppError }> {
  const session = runtime.stored;
  if (!session) return { ok: false, error: { code: 'unauthorized' } };
  try {
    return { ok: true, value: await runtime.config.transport.exportLog(session.deviceToken) };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}
