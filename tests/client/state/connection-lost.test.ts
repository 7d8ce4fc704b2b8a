// Issue 17.3 on the real data layer: a connection to IndexedDB lost under the app (closed by the
// browser, as iOS does after the background) is reopened and the write retried once, so the tap
// is saved and nothing is shown; a banner set by an earlier failure is cleared by the next good write.
import { describe, expect, it } from 'vitest';
import { configureRuntime, login, saveChanges, startApp } from '../../../src/client/state';
import { runtime } from '../../../src/client/state/runtime';
import type { LoginRequest, SessionInfo } from '../../../src/protocol';
import { roomPatch } from '../storage/helpers';
import { ScriptedTransport } from '../sync/scripted-transport';

class Server extends ScriptedTransport {
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-cccccccccccccccccccccccc', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
}

describe('a connection to IndexedDB lost under the app', () => {
  it('CONN-LOST-RETRY: reopens the database and saves the change, with no banner; the next good write clears an old one', async () => {
    configureRuntime({ transport: new Server(), dbName: `conn-lost-${Date.now()}`, autoSync: false, nowMs: () => Date.UTC(2026, 10, 23, 9) });
    await startApp();
    expect((await login({ login: 'ewa', password: 'haslo-ewy-2026' })).ok).toBe(true);
    const before = runtime.db.value!;
    before.close(); // what the browser does to the connection
    expect(await saveChanges([{ entity: 'rooms', id: 'room-1', patch: roomPatch() }])).toEqual({ ok: true });
    expect(runtime.db.value).not.toBe(before);
    expect(await runtime.db.value!.entity('rooms').count()).toBe(1);
    expect(await runtime.db.value!.outbox.count()).toBe(1);
    expect(runtime.storageProblem.value).toBeNull();

    runtime.storageProblem.value = { code: 'connectionLost' };
    expect(await saveChanges([{ entity: 'rooms', id: 'room-2', patch: roomPatch('Sala 2') }])).toEqual({ ok: true });
    expect(runtime.storageProblem.value).toBeNull();
  });
});
