// The idle lock on the real device database and WebCrypto: the PIN is stored only as a salted
// hash, the screen locks after the chosen idle time, and only the right PIN opens it.
import { beforeAll, describe, expect, it } from 'vitest';
import { configureRuntime, lockNow, login, setLockMinutes, setPin, startApp, unlock, useLock } from '../../../src/client/state';
import { runtime } from '../../../src/client/state/runtime';
import type { LoginRequest, SessionInfo } from '../../../src/protocol';
import { ScriptedTransport } from '../sync/scripted-transport';

class Server extends ScriptedTransport {
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-dddddddddddddddddddddddd', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
}

let now = Date.UTC(2026, 10, 23, 8);
const idleCheck = () => document.dispatchEvent(new Event('visibilitychange'));

describe('idle lock', () => {
  beforeAll(async () => {
    localStorage.clear();
    configureRuntime({ transport: new Server(), dbName: `lock-${Date.now()}`, autoSync: false, nowMs: () => now });
    await startApp();
    expect((await login({ login: 'ewa', password: 'x' })).ok).toBe(true);
  });

  it('never locks without a PIN', () => {
    now += 60 * 60_000;
    idleCheck();
    expect(useLock()).toMatchObject({ locked: false, hasPin: false });
  });

  it('keeps the PIN only as a salted hash', async () => {
    expect(await setPin('12')).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(await setPin('2468')).toEqual({ ok: true });
    const row = await runtime.db.value!.meta.get('pin');
    const stored = row?.value as { hash: string; salt: string; iterations: number };
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain('2468');
    expect(stored.iterations).toBeGreaterThanOrEqual(100_000);
  });

  it('locks after the idle time, not before', async () => {
    await setLockMinutes(5);
    window.dispatchEvent(new Event('pointerdown'));
    now += 4 * 60_000;
    idleCheck();
    expect(useLock().locked).toBe(false);
    now += 60_000;
    idleCheck();
    expect(useLock().locked).toBe(true);
  });

  it('a wrong PIN is counted, the right one opens', async () => {
    expect(await unlock('1357')).toBe(false);
    expect(useLock()).toMatchObject({ locked: true, failures: 1 });
    expect(await unlock('2468')).toBe(true);
    expect(useLock()).toMatchObject({ locked: false, failures: 0 });
  });

  it('after five wrong PINs even the right one no longer opens', async () => {
    lockNow();
    for (let i = 0; i < 5; i += 1) expect(await unlock('0000')).toBe(false);
    expect(await unlock('2468')).toBe(false);
    expect(useLock()).toMatchObject({ locked: true, failures: 5 });
  });
});
