/**
 * Right of access (GDPR art. 15): the administrator asks the server for everything it holds about
 * one person, as a JSON file for the person or for the printed A4 page. Online only (the server
 * holds the history and the audit log); the server records each request as an export.
 */
import type { AccessExport, AccessFormat } from '../../../protocol';
import { toAppError } from '../errors';
import { runtime } from '../runtime';
import type { AppError } from '../types';

export type { AccessExport } from '../../../protocol';

export async function loadAccessExport(participantId: string, format: AccessFormat): Promise<{ ok: true; data: AccessExport } | { ok: false; error: AppError }> {
  const session = runtime.stored;
  if (!session) return { ok: false, error: { code: 'unauthorized' } };
  try {
    return { ok: true, data: await runtime.config.transport.accessExport(session.deviceToken, participantId, format) };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

/** The export as the JSON file handed to the person (UTF-8, indented). */
export function accessExportFile(data: AccessExport): Blob {
  return new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json;charset=utf-8' });
}
