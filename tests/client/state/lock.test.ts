// The idle lock on the real device database and WebCrypto: the PIN is stored only as a salted
// hash, the screen locks after the chosen idle time, and only the right PIN opens it. Issue 14.4:
// the lock and its failures survive a reload, the password takes over after five wrong PINs, and
// the tenth failure wipes the device.
import { beforeAll, describe, expect, it } from 'vitest';
import { configureRuntime, lockNow, login, needsPassword, setLockMinutes, setPin, startApp, unlock, useLock } from '../../../src/client/state';
import { resetLock, startLockWatch } from '../../../src/client/state/lock';
import { getMeta, setMeta } from '../../../src/client/storage/meta';
import { runtime } from '../../../src/client/state/runtime';
import type { LoginRequest, SessionInfo } from '../../../src/protocol';
import { ScriptedTransport } from '../sync/scripted-transport';

class Server extends ScriptedTransport {
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-dddddddddddddddddddddddd', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
}

let now = Date.UTC(2026, 10, 23, 8);
const db = () => runtime.db.value!;
const idleCheck = () => document.dispatchEvent(new Event('visibilitychange'));

describe('idle lock', () => {
  beforeAll(async () => {
    localStorage.clear();
    configureRuntime({ transport: new Server(), dbName: `lock-${Date.now()}`, autoSync: false, nowMs: () => now });
    await startApp();
    expect((await login({ login: 'ewa', password: 'haslo-ewy-2026' })).ok).toBe(true);
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

  it('LOCK-RELOAD: the locked state and the failures survive a reload (read back from the device database)', async () => {
    await lockNow();
    expect(await unlock('0000')).toBe(false);
    expect(await unlock('0001')).toBe(false);
    resetLock(); // what a reload or a restart of the browser leaves in memory
    await startLockWatch();
    expect(useLock()).toMatchObject({ locked: true, failures: 2 });
  });

  it('LOCK-PASSWORD: after five wrong PINs the right PIN no longer opens, the password does', async () => {
    for (let i = 0; i < 3; i += 1) expect(await unlock('0000')).toBe(false);
    expect(useLock()).toMatchObject({ locked: true, failures: 5 });
    expect(needsPassword(useLock())).toBe(true);
    expect(await unlock('2468')).toBe(false);
    expect(useLock().failures).toBe(6);
    resetLock();
    await startLockWatch();
    expect(useLock()).toMatchObject({ locked: true, failures: 6, hasPassword: true });
    expect(await unlock('haslo-ewy-2026')).toBe(true);
    expect(useLock()).toMatchObject({ locked: false, failures: 0 });
  });

  it('LOCK-WIPE: the tenth failed attempt (PINs and passwords together) wipes the device and says why', async () => {
    expect(await db().outbox.count()).toBe(0);
    await setMeta(db(), 'cursor', 42);
    await lockNow();
    for (let i = 0; i < 5; i += 1) await unlock('0000');
    for (let i = 0; i < 4; i += 1) expect(await unlock('zle-haslo')).toBe(false);
    expect(useLock().failures).toBe(9);
    expect(await unlock('zle-haslo')).toBe(false);
    expect(runtime.session.value.data).toBeNull();
    expect(await getMeta(db(), 'cursor')).toBeUndefined();
    expect(await getMeta(db(), 'session')).toBeUndefined();
    expect(localStorage.getItem('obecni.wipeNotice')).toBe('lockFailures');
  });
});
