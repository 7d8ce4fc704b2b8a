/**
 * CLOCK-AHEAD (issue 13.1): a change stamped in the future would beat every later correction, so
 * the server refuses a stamp more than the tolerance (5 minutes, CLOCK_AHEAD_TOLERANCE_SECONDS)
 * ahead of its own clock, with the reason `clockAhead`, and every sync answer carries the
 * server's time. Seen: `9999999999999-zzzz-evil` was accepted and froze the record; the
 * administrator's and the coordinator's later corrections were "accepted" but lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, SessionInfo } from '../../../src/protocol';
import { loadConfig } from '../../../src/server/config';
import type { Store } from '../../../src/server/store/store';
import { openMemoryStore } from '../store/memory-store';
import { call, fakeClock, hlc, mutation, pull, pullAll, push, roomPatch, setUp, testApp, type TestApp } from '../helpers';
import { accountWithDevice } from '../http/hostile-helpers';

const MINUTE = 60_000;

describe('CLOCK-AHEAD: the server refuses changes stamped ahead of its clock', () => {
  let store: Store;
  let app: TestApp;
  let admin: SessionInfo;
  let therapist: SessionInfo;
  let coordinator: SessionInfo;
  let unitId: string;
  const clock = fakeClock(Date.UTC(2026, 11, 7, 9));

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    app = testApp(store, { clock: clock.now }).app;
    admin = await setUp(app);
    unitId = admin.user.unitIds[0]!;
    therapist = await accountWithDevice(store, admin, 'therapist', [unitId]);
    coordinator = await accountWithDevice(store, admin, 'coordinator', [unitId]);
  });
  afterAll(async () => { await store.close(); });

  const roomOnServer = async (id: string) => (await pullAll(app, admin)).find((c) => c.recordId === id);

  it('CLOCK-AHEAD-FORGED: a forged far-future stamp is refused, and later corrections by the coordinator and the administrator land', async () => {
    const id = '0193a000-0000-7000-8000-00000000c101';
    expect((await push(app, admin, [mutation('rooms', id, roomPatch(unitId, 'Sala relaksu'), hlc(clock.now() - MINUTE, 'adm'))])).body.accepted).toHaveLength(1);

    const evil = mutation('rooms', id, { name: 'Pracownia zamrożona' }, '9999999999999-zzzz-evil');
    const refused = await push(app, therapist, [evil]);
    expect(refused.status).toBe(200);
    expect(refused.body.accepted).toEqual([]);
    expect(refused.body.rejected).toMatchObject([{ mutationId: evil.mutationId, reason: 'clockAhead', issues: [{ path: 'hlc', code: 'clockAhead' }] }]);
    // The device gets the record back as the server holds it, so it can put its copy back.
    expect(refused.body.rejected[0]!.current?.data.name).toBe('Sala relaksu');
    expect((await roomOnServer(id))?.data.name).toBe('Sala relaksu');
    expect(await store.sync.history(admin.user.organizationId, 'rooms', id)).toHaveLength(1);
    // The attempt is audited as a refused write: ids and the reason, never the value.
    const [audit] = await store.audit.list(admin.user.organizationId, 1, { action: 'writeRefused', recordId: id });
    expect(audit).toMatchObject({ userId: therapist.user.id, entity: 'rooms', details: { mutationId: evil.mutationId, reason: 'clockAhead' } });
    expect(JSON.stringify(audit)).not.toContain('zamrożona');

    clock.advance(MINUTE);
    expect((await push(app, coordinator, [mutation('rooms', id, { name: 'Pracownia krawiecka' }, hlc(clock.now(), 'coo'))])).body.accepted).toHaveLength(1);
    expect((await roomOnServer(id))?.data.name).toBe('Pracownia krawiecka');
    clock.advance(MINUTE);
    expect((await push(app, admin, [mutation('rooms', id, { name: 'Sala multimedialna' }, hlc(clock.now(), 'adm'))])).body.accepted).toHaveLength(1);
    expect((await roomOnServer(id))?.data.name).toBe('Sala multimedialna');
  });

  it('CLOCK-AHEAD-TOLERANCE: up to 5 minutes ahead is accepted, more is refused; the rest of the batch lands', async () => {
    const now = clock.now();
    const a = mutation('rooms', '0193a000-0000-7000-8000-00000000c102', roomPatch(unitId), hlc(now + 5 * MINUTE, 'tab'));
    const b = mutation('rooms', '0193a000-0000-7000-8000-00000000c103', roomPatch(unitId), hlc(now + 5 * MINUTE + 1, 'tab'));
    const c = mutation('rooms', '0193a000-0000-7000-8000-00000000c104', roomPatch(unitId), hlc(now + 3 * 365 * 24 * 60 * MINUTE, 'tab'));
    const res = await push(app, coordinator, [a, b, c]);
    expect(res.body.accepted).toEqual([a.mutationId]);
    expect(res.body.rejected.map((r) => [r.mutationId, r.reason])).toEqual([[b.mutationId, 'clockAhead'], [c.mutationId, 'clockAhead']]);
    // A new record refused: the server holds nothing of it.
    expect(res.body.rejected[0]!.current).toBeNull();
  });

  it('CLOCK-SERVER-TIME: push and pull answers carry the server time', async () => {
    clock.advance(1234);
    expect((await push(app, admin, [])).body.serverTimeMs).toBe(clock.now());
    expect((await pull(app, admin)).serverTimeMs).toBe(clock.now());
    const page = await call<PullResponse>(app, 'GET', '/api/v1/sync/pull?since=0&limit=1&protocolVersion=2', { token: admin.deviceToken });
    expect(page.body.serverTimeMs).toBe(clock.now());
  });

  it('CLOCK-AHEAD-CONFIG: CLOCK_AHEAD_TOLERANCE_SECONDS sets the tolerance', async () => {
    const strict = testApp(store, { clock: clock.now, config: loadConfig({ CLOCK_AHEAD_TOLERANCE_SECONDS: '60' }) }).app;
    const now = clock.now();
    const twoMinutes = mutation('rooms', '0193a000-0000-7000-8000-00000000c105', roomPatch(unitId), hlc(now + 2 * MINUTE, 'tab'));
    expect((await push(strict, coordinator, [twoMinutes])).body.rejected).toMatchObject([{ reason: 'clockAhead' }]);
    expect((await push(app, coordinator, [twoMinutes])).body.accepted).toEqual([twoMinutes.mutationId]);
  });
});
