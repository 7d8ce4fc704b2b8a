// The session actions over a scripted server: sign-in stores the session on the device, a
// change is saved with its outbox entry, sign-out revokes the device and wipes the records.
import { describe, expect, it } from 'vitest';
import { configureRuntime, login, logoutAndWipe, saveChanges, startApp } from '../../../src/client/state';
import { runtime } from '../../../src/client/state/runtime';
import { TransportError } from '../../../src/client/sync/transport';
import type { LoginRequest, SessionInfo } from '../../../src/protocol';
import { roomPatch } from '../storage/helpers';
import { ScriptedTransport } from '../sync/scripted-transport';

class LoginTransport extends ScriptedTransport {
  loggedOut: string[] = [];
  override login(request: LoginRequest): Promise<SessionInfo> {
    if (request.password !== 'dobre-haslo-123') return Promise.reject(new TransportError('unauthorized', 401));
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-bbbbbbbbbbbbbbbbbbbbbbbb', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
  override logout(token: string): Promise<void> {
    this.loggedOut.push(token);
    return Promise.resolve();
  }
}

describe('session actions', () => {
  const transport = new LoginTransport();
  configureRuntime({ transport, dbName: `session-test-${Date.now()}`, autoSync: false, nowMs: () => Date.UTC(2026, 10, 23, 9) });

  it('starts without a session and asks the server whether it is set up', async () => {
    await startApp();
    expect(runtime.session.value).toEqual({ data: null, isLoading: false, error: null });
    expect(runtime.setup.value.data).toEqual({ initialized: true, demoAvailable: false });
    expect(runtime.today.value).toBe('2026-11-23');
  });

  it('a wrong password is an unauthorized error and signs nobody in', async () => {
    expect(await login({ login: 'ewa', password: 'zle-haslo-0000' })).toEqual({ ok: false, error: { code: 'unauthorized' } });
    expect(runtime.session.value.data).toBeNull();
  });

  it('signs in, keeps the session on the device without exposing the token, and saves changes with their outbox entry', async () => {
    expect(await login({ login: 'ewa', password: 'dobre-haslo-123' })).toEqual({ ok: true });
    expect(runtime.session.value.data).toMatchObject({ displayName: 'Ewa Lis', roles: ['therapist'] });
    expect(JSON.stringify(runtime.session.value.data)).not.toContain('token-');
    expect(await saveChanges([{ entity: 'rooms', id: 'room-1', patch: roomPatch() }])).toEqual({ ok: true });
    const db = runtime.db.value!;
    expect(await db.entity('rooms').count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('an invalid change is refused with its field and saves nothing', async () => {
    const result = await saveChanges([{ entity: 'rooms', id: 'room-2', patch: { ...roomPatch(), name: '' } }]);
    expect(result).toEqual({ ok: false, error: { code: 'invalidInput', issues: [{ path: 'name', code: 'required' }] } });
    expect(await runtime.db.value!.entity('rooms').count()).toBe(1);
  });

  it('signing out sends what waits, revokes the device and removes every record from the device', async () => {
    await logoutAndWipe();
    expect(transport.pushes.flatMap((p) => p.mutations.map((m) => m.recordId))).toEqual(['room-1']);
    expect(transport.loggedOut).toEqual(['token-bbbbbbbbbbbbbbbbbbbbbbbb']);
    expect(runtime.session.value.data).toBeNull();
    const db = runtime.db.value!;
    expect(await db.entity('rooms').count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
  });
});
