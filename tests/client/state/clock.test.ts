// CLOCK-STATE (issue 13.1): a tablet whose clock is three days ahead learns the offset from the
// sign-in answer; "today" and the stamps of its changes follow the server's clock from then on,
// and the header's warning says by how much the clock is fast.
import { describe, expect, it } from 'vitest';
import { configureRuntime, login, saveChanges, startApp } from '../../../src/client/state';
import { clockWarning } from '../../../src/client/state/clock';
import { runtime } from '../../../src/client/state/runtime';
import { getMeta } from '../../../src/client/storage/meta';
import { parseHlc } from '../../../src/domain';
import type { LoginRequest, SessionInfo } from '../../../src/protocol';
import { roomPatch } from '../storage/helpers';
import { ScriptedTransport } from '../sync/scripted-transport';

const SERVER_NOW = Date.UTC(2026, 10, 23, 9);
const DAY = 24 * 3_600_000;

class LoginTransport extends ScriptedTransport {
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({
      deviceId: 'dev-1', deviceToken: 'token-bbbbbbbbbbbbbbbbbbbbbbbb', serverTimeMs: SERVER_NOW,
      user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1' },
    });
  }
}

describe('CLOCK-STATE: the app follows the server clock', () => {
  configureRuntime({ transport: new LoginTransport(), dbName: `clock-test-${Date.now()}`, autoSync: false, nowMs: () => SERVER_NOW + 3 * DAY });

  it('before sign-in "today" is the device\'s; after it, the server\'s, with a warning and stamps at the server time', async () => {
    await startApp();
    expect(runtime.today.value).toBe('2026-11-26');
    expect(await login({ login: 'ewa', password: 'dobre-haslo-123' })).toEqual({ ok: true });
    expect(runtime.clockOffsetMs.value).toBe(-3 * DAY);
    expect(runtime.today.value).toBe('2026-11-23');
    expect(clockWarning(runtime.clockOffsetMs.value)).toEqual({ direction: 'ahead', unit: 'days', count: 3 });
    expect(await getMeta(runtime.db.value!, 'clockOffsetMs')).toBe(-3 * DAY);

    expect(await saveChanges([{ entity: 'rooms', id: 'room-1', patch: roomPatch() }])).toEqual({ ok: true });
    const entry = await runtime.db.value!.outbox.orderBy('seq').last();
    expect(parseHlc(entry!.hlc).wall).toBe(SERVER_NOW);
  });
});
