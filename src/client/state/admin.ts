/** Accounts and devices for administrators: online actions against the server (not synced data). */
import type { AccountPatch, AccountsResponse, NewAccount } from '../../protocol';
import { toAppError } from './errors';
import { runtime } from './runtime';
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
