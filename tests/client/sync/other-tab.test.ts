// Issue 17.6: "Synchronizuj teraz" in a tab while another tab holds the sync lock. The tab says
// another tab is syncing and, once that run is over, shows its outcome (the last sync time and
// the outbox read from the shared database), instead of silently doing nothing.
import { describe, expect, it } from 'vitest';
import type { StoredSession } from '../../../src/client/storage/meta';
import { setMeta } from '../../../src/client/storage/meta';
import { SyncEngine, type EngineStatus } from '../../../src/client/sync/engine';
import { freshDb } from '../storage/helpers';
import { ScriptedTransport } from './scripted-transport';

const session: StoredSession = {
  deviceId: 'dev-a', deviceToken: 'token-aaaaaaaaaaaaaaaaaaaa', userId: 'user-1', displayName: 'Ewa Lis', login: 'ewa', roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1',
};

describe('two tabs', () => {
  it('SYNC-OTHER-TAB: a tab that cannot take the lock says another tab syncs, then shows that tab\'s outcome', async () => {
    const db = freshDb();
    await db.open();
    let release: () => void = () => undefined;
    const lockFree = new Promise<void>((done) => { release = done; });
    const statuses: EngineStatus[] = [];
    const t = new ScriptedTransport();
    const follower = new SyncEngine({
      db, transport: t, session, nowMs: () => 1_000, withLock: () => Promise.resolve(undefined), waitForLock: () => lockFree, onStatus: (s) => statuses.push({ ...s }),
    });
    const run = follower.sync();
    await expect.poll(() => follower.status.elsewhere).toBe(true);
    expect(t.pushes).toEqual([]);
    // The leader tab finishes its run and records it in the shared database.
    await setMeta(db, 'lastSyncAtMs', 123_456);
    release();
    expect(await run).toBe(true);
    expect(follower.status).toMatchObject({ elsewhere: false, lastSyncAtMs: 123_456, pending: 0 });
    expect(statuses.some((s) => s.elsewhere)).toBe(true);
    db.close();
    await db.delete();
  });
});
