// Issue 17.4 and 14.5 on the real data layer (fake-indexeddb) over a scripted server:
// SIGNOUT-REFUSE: signing out while changes wait deletes nothing until the user confirmed a
// discard naming at least as many changes as wait after the last sync.
// REVOKED-WIPE / DISABLED-WIPE: a device refused as revoked or disabled wipes its data at once
// and says why. EXPIRED-KEEP: a sign-in the server merely refuses keeps the data and the changes
// waiting, and the same person's password brings the device back with them.
import { beforeEach, describe, expect, it } from 'vitest';
import { configureRuntime, login, logoutAndWipe, saveChanges, signInAgain, startApp, syncNow } from '../../../src/client/state';
import { runtime } from '../../../src/client/state/runtime';
import { clearDevice, useWipeNotice } from '../../../src/client/state/wipe';
import { TransportError } from '../../../src/client/sync/transport';
import type { LoginRequest, PullResponse, PushRequest, PushResponse, SessionInfo } from '../../../src/protocol';
import { roomPatch } from '../storage/helpers';
import { ScriptedTransport } from '../sync/scripted-transport';

class Server extends ScriptedTransport {
  refusal: TransportError | null = null;
  tokens = 0;
  loggedOut: string[] = [];
  override login(request: LoginRequest): Promise<SessionInfo> {
    if (request.password !== 'haslo-ewy-2026') return Promise.reject(new TransportError('unauthorized', 401));
    this.tokens += 1;
    const user = request.login === 'ewa'
      ? { id: 'user-1', displayName: 'Ewa Lis', login: 'ewa', roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1' }
      : { id: 'user-2', displayName: 'Jan Nowak', login: request.login, roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1' };
    return Promise.resolve({ deviceId: `dev-${this.tokens}`, deviceToken: `token-${this.tokens}-bbbbbbbbbbbbbbbbbbbbbbbb`, user });
  }
  override logout(token: string): Promise<void> {
    this.loggedOut.push(token);
    return Promise.resolve();
  }
  override push(token: string, request: PushRequest): Promise<PushResponse> {
    if (this.refusal) return Promise.reject(this.refusal);
    return super.push(token, request);
  }
  override pull(token: string, since: number, limit: number): Promise<PullResponse> {
    if (this.refusal) return Promise.reject(this.refusal);
    return super.pull(token, since, limit);
  }
}

const server = new Server();
configureRuntime({ transport: server, dbName: `device-safety-${Date.now()}`, autoSync: false, nowMs: () => Date.UTC(2026, 10, 23, 9) });
const db = () => runtime.db.value!;

async function signedInWithOneWaiting(): Promise<void> {
  server.down = false;
  server.refusal = null;
  expect((await login({ login: 'ewa', password: 'haslo-ewy-2026' })).ok).toBe(true);
  server.down = true;
  expect(await saveChanges([{ entity: 'rooms', id: `room-${server.tokens}`, patch: roomPatch() }])).toEqual({ ok: true });
  expect(await db().outbox.count()).toBe(1);
}

beforeEach(async () => {
  await startApp();
  await clearDevice();
});

describe('signing out with changes waiting (issue 17.4)', () => {
  it('SIGNOUT-REFUSE: deletes nothing while a change waits, until a discard of as many is confirmed', async () => {
    await signedInWithOneWaiting();
    const refused = await logoutAndWipe();
    expect(refused).toEqual({ ok: false, pending: { total: 1, byEntity: { rooms: 1 } } });
    expect(await db().outbox.count()).toBe(1);
    expect(await db().entity('rooms').count()).toBe(1);
    expect(runtime.session.value.data).not.toBeNull();

    expect(await logoutAndWipe({ total: 1, byEntity: { rooms: 1 } })).toEqual({ ok: true });
    expect(runtime.session.value.data).toBeNull();
    expect(await db().entity('rooms').count()).toBe(0);
  });

  it('SIGNOUT-SENT: a change the last sync delivers needs no discard', async () => {
    await signedInWithOneWaiting();
    server.down = false;
    expect(await logoutAndWipe()).toEqual({ ok: true });
    expect(server.pushes.at(-1)?.mutations.map((m) => m.recordId)).toEqual([`room-${server.tokens}`]);
  });
});

describe('a device the server refuses (issue 14.5)', () => {
  it.each([['deviceRevoked'], ['accountDisabled']] as const)('REVOKED-WIPE: %s wipes the data at once and says why', async (code) => {
    await signedInWithOneWaiting();
    server.down = false;
    server.refusal = new TransportError(code, 401);
    await syncNow();
    await expect.poll(() => runtime.session.value.data).toBeNull();
    expect(useWipeNotice()).toBe(code);
    expect(await db().entity('rooms').count()).toBe(0);
    expect(await db().outbox.count()).toBe(0);
  });

  it('EXPIRED-KEEP: a refused sign-in keeps the data and the changes waiting; the password brings them to the server', async () => {
    await signedInWithOneWaiting();
    server.down = false;
    server.refusal = new TransportError('unauthorized', 401);
    await syncNow();
    expect(runtime.sync.value.lastError).toEqual({ code: 'unauthorized' });
    expect(runtime.session.value.data).not.toBeNull();
    expect(await db().outbox.count()).toBe(1);
    expect(await db().entity('rooms').count()).toBe(1);

    server.refusal = null;
    expect(await signInAgain('zle-haslo')).toEqual({ ok: false, error: { code: 'unauthorized' } });
    expect(await signInAgain('haslo-ewy-2026')).toEqual({ ok: true });
    await syncNow();
    expect(await db().outbox.count()).toBe(0);
    expect(runtime.sync.value.lastError).toBeNull();
    expect(server.pushes.at(-1)?.mutations.map((m) => m.recordId)).toEqual([`room-${server.tokens - 1}`]);
    expect(await db().entity('rooms').get(`room-${server.tokens - 1}`)).toBeDefined();
  });
});
