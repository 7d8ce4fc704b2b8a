/** The server's history of a record (who changed what, when, from which device); needs the network. */
import type { HistoryEntry } from '../../protocol';
import { toAppError } from './errors';
import { runtime } from './runtime';
import type { AppError } from './types';

export type { HistoryEntry } from '../../protocol';

export async function loadHistory(entity: string, recordId: string): Promise<{ ok: true; entries: HistoryEntry[] } | { ok: false; error: AppError }> {
  const session = runtime.stored;
  if (!session) return { ok: false, error: { code: 'unauthorized' } };
  try {
    const res = await runtime.config.transport.history(session.deviceToken, entity, recordId);
    return { ok: true, entries: res.entries };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}
