/** Accounts and devices for administrators: online actions against the server (not synced data). */
import type { AccountPatch, AccountsResponse, DeviceInfo, NewAccount } from '../../protocol';
import { toAppError } from './errors';
import { correctedNowMs, runtime } from './runtime';
import type { ActionResult, AppError } from './types';

export type { AccountInfo, AccountsResponse, DeviceInfo, NewAccount } from '../../protocol';

async function call<T>(task: (token: string) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
  const session = runtime.stored;
  if (!session) return { ok: false, error: { code: 'unauthorized' } };
  try {
    return { ok: true, value: await task(session.deviceToken) };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

export function loadAccounts(): Promise<{ ok: true; value: AccountsResponse } | { ok: false; error: AppError }> {
  return call((token) => runtime.config.transport.accounts(token));
}

export async function createAccount(account: NewAccount): Promise<ActionResult> {
  const r = await call((token) => runtime.config.transport.createAccount(token, account));
  return r.ok ? { ok: true } : r;
}

export async function updateAccount(id: string, patch: AccountPatch): Promise<ActionResult> {
  const r = await call((token) => runtime.config.transport.updateAccount(token, id, patch));
  return r.ok ? { ok: true } : r;
}

export async function revokeDevice(id: string): Promise<ActionResult> {
  const r = await call((token) => runtime.config.transport.revokeDevice(token, id));
  return r.ok ? { ok: true } : r;
}

/** A device not heard from for this many days is flagged in the list (WebKit deletes data after 7). */
export const SILENT_DAYS = 3;

/**
 * What the administrator should notice about a device (issue 17.1): changes it reported waiting
 * on it, and how many days it has been silent (from SILENT_DAYS on; null before, or revoked).
 */
export function deviceAlerts(d: DeviceInfo): { pending: number; silentDays: number | null } {
  const pending = d.revokedAtMs ? 0 : (d.pendingChanges ?? 0);
  const last = d.lastSeenAtMs ?? d.createdAtMs;
  const days = Math.floor((correctedNowMs() - last) / 86_400_000);
  return { pending, silentDays: !d.revokedAtMs && days >= SILENT_DAYS ? days : null };
}
