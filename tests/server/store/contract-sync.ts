/**
 * Contract, part 2: push and pull against any Store. Idempotent retries, per-field last writer
 * wins by HLC in any arrival order, validation without half-applied changes, tenant isolation,
 * unit scoping, paging and tombstones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, type ApiError, type SessionInfo } from '../../../src/protocol';
import type { Store } from '../../../src/server/store/store';
import { addUser, type OpenStore } from './contract-first-run';
import { call, mutation, pull, pullAll, push, roomPatch, hlc, setUp, testApp, type TestApp } from '../helpers';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

export function syncContract(open: OpenStore): void {
  describe('sync', () => {
    let store: Store;
    let app: TestApp;
    let admin: SessionInfo;
    let unitA: string;
    let unitB: string;
    const login = async (loginName: string, password: string) =>
      (await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: loginName, password, deviceName: 'test' } })).body;

    beforeAll(async () => {
      store = await open();
      // SYNC-CURSOR sends six pushes and its pulls at once from one device: more than the
      // per-device cap in flight (issue 14.7, tested in http/hostile-flood), which is not what it tests.
      ({ app } = testApp(store, { deviceMaxInFlight: 16 }));
      admin = await setUp(app);
      unitA = admin.user.unitIds[0]!;
      unitB = uuidv7();
      const unit = (await pullAll(app, admin)).find((ch) => ch.entity === 'units')!;
      const res = await push(app, admin, [mutation('units', unitB, { ...unit.data, id: unitB, name: 'Dom Seniora' }, hlc(T0))]);
      expect(res.body.accepted).toHaveLength(1);
    });
    afterAll(async () => { await store.close(); });

    it('SYNC-ROUNDTRIP: a pushed record is pulled back with the meta fields set by the server', async () => {
      const id = uuidv7();
      const before = await pull(app, admin, 0, 2000);
      const res = await push(app, admin, [mutation('rooms', id, { ...roomPatch(unitA), changedBy: 'someone-else' }, hlc(T0 + 1))]);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accepted: [expect.any(String)], rejected: [], serverTimeMs: expect.any(Number) });
      const page = await pull(app, admin, before.cursor);
      expect(page.changes).toHaveLength(1);
      expect(page.changes[0]).toMatchObject({ entity: 'rooms', recordId: id, deleted: false });
      expect(page.changes[0]!.data).toMatchObject({ ...roomPatch(unitA), id, organizationId: admin.user.organizationId, changedBy: admin.user.id, hlc: hlc(T0 + 1) });
      expect(page.cursor).toBeGreaterThan(before.cursor);
      expect((await store.audit.list(admin.user.organizationId, 5)).map((a) => a.action)).toContain('recordChange');
    });

    it('SYNC-IDEMPOTENT: a retried push is accepted again but applied once', async () => {
      const id = uuidv7();
      const batch = [mutation('rooms', id, roomPatch(unitA), hlc(T0 + 2))];
      const first = await push(app, admin, batch);
      const cursor = (await pull(app, admin, 0, 2000)).cursor;
      const second = await push(app, admin, batch);
      expect(second.body.accepted).toEqual(first.body.accepted);
      expect((await pull(app, admin, cursor)).changes).toEqual([]);
      expect(await store.sync.history(admin.user.organizationId, 'rooms', id)).toHaveLength(1);
    });

    it('SYNC-LWW: two devices editing different fields of one record both keep their change', async () => {
      const id = uuidv7();
      await push(app, admin, [mutation('rooms', id, roomPatch(unitA), hlc(T0))]);
      await push(app, admin, [mutation('rooms', id, { name: 'Pracownia krawiecka' }, hlc(T0 + 100, 'dev-b'))]);
      await push(app, admin, [mutation('rooms', id, { capacity: 12 }, hlc(T0 + 50, 'dev-a'))]);
      const rec = (await pullAll(app, admin)).filter((ch) => ch.recordId === id).at(-1)!;
      expect(rec.data).toMatchObject({ name: 'Pracownia krawiecka', capacity: 12, hlc: hlc(T0 + 100, 'dev-b') });
      const history = await store.sync.history(admin.user.organizationId, 'rooms', id);
      expect(history.map((h) => h.appliedFields)).toEqual([expect.arrayContaining(['name', 'capacity']), ['name'], ['capacity']]);
      expect(history[1]!.oldValues).toEqual({ name: 'Pracownia stolarska' });
    });

    it('SYNC-LWW: on the same field the higher HLC wins whatever order the changes arrive in', async () => {
      for (const order of [['early', 'late'], ['late', 'early']] as const) {
        const id = uuidv7();
        await push(app, admin, [mutation('rooms', id, roomPatch(unitA), hlc(T0))]);
        const edits = { early: mutation('rooms', id, { name: 'Wcześniej' }, hlc(T0 + 10, 'dev-a')), late: mutation('rooms', id, { name: 'Później' }, hlc(T0 + 10, 'dev-b')) };
        for (const which of order) {
          const res = await push(app, admin, [edits[which]]);
          expect(res.body.accepted).toEqual([edits[which].mutationId]);
        }
        const rec = (await pullAll(app, admin)).filter((ch) => ch.recordId === id).at(-1)!;
        expect(rec.data.name, order.join(' then ')).toBe('Później');
      }
    });

    it('SYNC-VALIDATE: an invalid mutation is rejected with field issues while the valid ones of the batch land', async () => {
      const good1 = uuidv7();
      const bad = uuidv7();
      const good2 = uuidv7();
      const res = await push(app, admin, [
        mutation('rooms', good1, roomPatch(unitA), hlc(T0)),
        mutation('rooms', bad, { ...roomPatch(unitA), name: '', capacity: -3 }, hlc(T0)),
        mutation('rooms', good2, roomPatch(unitA), hlc(T0)),
      ]);
      expect(res.body.accepted).toHaveLength(2);
      expect(res.body.rejected).toHaveLength(1);
      expect(res.body.rejected[0]!.reason).toBe('invalidRecord');
      expect(res.body.rejected[0]!.issues.map((i) => i.path).sort()).toEqual(['capacity', 'name']);
      const ids = (await pullAll(app, admin)).map((ch) => ch.recordId);
      expect(ids).toEqual(expect.arrayContaining([good1, good2]));
      expect(ids).not.toContain(bad);
    });

    it('SYNC-VALIDATE: an invalid edit of a stored record leaves all of its fields unchanged', async () => {
      const id = uuidv7();
      await push(app, admin, [mutation('rooms', id, roomPatch(unitA), hlc(T0))]);
      const res = await push(app, admin, [mutation('rooms', id, { name: 'Nowa nazwa', capacity: 0 }, hlc(T0 + 5))]);
      expect(res.body.rejected.map((r) => r.reason)).toEqual(['invalidRecord']);
      const rec = (await pullAll(app, admin)).filter((ch) => ch.recordId === id).at(-1)!;
      expect(rec.data).toMatchObject({ name: 'Pracownia stolarska', capacity: 8 });
      expect(await store.sync.history(admin.user.organizationId, 'rooms', id)).toHaveLength(1);
    });

    it('SYNC-TENANT: a forged organizationId is refused and organizations never see each other', async () => {
      const otherOrg = uuidv7();
      await store.write(otherOrg, (tx) => tx.createOrganization({ id: otherOrg, name: 'Inny MOPS', createdAtMs: T0 }));
      await addUser(store, otherOrg, { id: 'other-admin', login: 'inny.admin', password: 'inne-haslo-1', roles: ['administrator'], unitIds: [] });
      const other = await login('inny.admin', 'inne-haslo-1');

      const forged = uuidv7();
      const res = await push(app, admin, [mutation('rooms', forged, { ...roomPatch(unitA), organizationId: otherOrg }, hlc(T0))]);
      expect(res.body.rejected.map((r) => r.reason)).toEqual(['forbidden']);
      expect((await pullAll(app, other)).map((ch) => ch.recordId)).not.toContain(forged);
      expect((await pullAll(app, admin)).map((ch) => ch.recordId)).not.toContain(forged);

      const theirs = uuidv7();
      expect((await push(app, other, [mutation('rooms', theirs, roomPatch('their-unit'), hlc(T0))])).body.accepted).toHaveLength(1);
      const otherPull = await pullAll(app, other);
      expect(otherPull.map((ch) => ch.recordId)).toEqual([theirs]);
      expect(otherPull[0]!.data.organizationId).toBe(otherOrg);
      expect((await pullAll(app, admin)).map((ch) => ch.recordId)).not.toContain(theirs);
    });

    it('SYNC-ROLES: drivers write only their marks at the stops; therapists write only what the write policy gives them, in their own units', async () => {
      await addUser(store, admin.user.organizationId, { id: 'driver-1', login: 'kierowca.test', password: 'haslo-kierowcy', roles: ['driver'], unitIds: [unitA] });
      await addUser(store, admin.user.organizationId, { id: 'therapist-1', login: 'terapeuta.test', password: 'haslo-terapeuty', roles: ['therapist'], unitIds: [unitA] });
      const driver = await login('kierowca.test', 'haslo-kierowcy');
      const denied = await push(app, driver, [mutation('rooms', uuidv7(), roomPatch(unitA), hlc(T0))]);
      expect(denied.body.rejected.map((r) => r.reason)).toEqual(['forbidden']);

      const therapist = await login('terapeuta.test', 'haslo-terapeuty');
      const own = uuidv7();
      const foreign = uuidv7();
      // Absence notices are a therapist's to write (domain/rules/permissions.ts); rooms are not, even of their own unit.
      const notice = (unitId: string) => ({ participantId: uuidv7(), unitId, fromDay: '2026-03-03', toDay: '2026-03-04', reason: 'illness', note: '', reportedBy: '', reportedOn: '2026-03-02' });
      const res = await push(app, therapist, [mutation('absenceNotices', own, notice(unitA), hlc(T0)), mutation('absenceNotices', foreign, notice(unitB), hlc(T0))]);
      expect(res.body.accepted).toHaveLength(1);
      expect(res.body.rejected.map((r) => r.reason)).toEqual(['forbidden']);
      const moved = await push(app, therapist, [mutation('absenceNotices', own, { unitId: unitB }, hlc(T0 + 1))]);
      expect(moved.body.rejected.map((r) => r.reason)).toEqual(['forbidden']);
      const room = await push(app, therapist, [mutation('rooms', uuidv7(), roomPatch(unitA), hlc(T0))]);
      expect(room.body.rejected.map((r) => r.reason)).toEqual(['forbidden']);
    });

    it('SYNC-PAGING: pages follow the cursor in sequence order with hasMore until the end', async () => {
      const start = (await pull(app, admin, 0, 2000)).cursor;
      const ids = Array.from({ length: 5 }, () => uuidv7());
      await push(app, admin, ids.map((id) => mutation('rooms', id, roomPatch(unitA), hlc(T0))));
      const seen: string[] = [];
      const seqs: number[] = [];
      let cursor = start;
      let pages = 0;
      for (;;) {
        const page = await pull(app, admin, cursor, 2);
        pages += 1;
        seen.push(...page.changes.map((ch) => ch.recordId));
        seqs.push(...page.changes.map((ch) => ch.seq));
        expect(page.changes.length).toBeLessThanOrEqual(2);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(ids);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(await pull(app, admin, cursor)).toEqual({ changes: [], cursor, hasMore: false, serverTimeMs: expect.any(Number) });
    });

    it('SYNC-CURSOR: concurrent pushes all reach a client paging behind them, each exactly once', async () => {
      const start = (await pull(app, admin, 0, 2000)).cursor;
      const batches = Array.from({ length: 6 }, () => Array.from({ length: 8 }, () => uuidv7()));
      const seen: string[] = [];
      let cursor = start;
      const pushing = Promise.all(batches.map((ids) => push(app, admin, ids.map((id) => mutation('rooms', id, roomPatch(unitA), hlc(T0))))));
      for (let i = 0; i < 3; i++) {
        const page = await pull(app, admin, cursor, 3);
        seen.push(...page.changes.map((ch) => ch.recordId));
        cursor = page.cursor;
      }
      await pushing;
      seen.push(...(await pullAll(app, admin, cursor, 5)).map((ch) => ch.recordId));
      expect(seen.sort()).toEqual(batches.flat().sort());
    });

    it('SYNC-TOMBSTONE: a delete is pulled as a tombstone', async () => {
      const id = uuidv7();
      await push(app, admin, [mutation('rooms', id, roomPatch(unitA), hlc(T0))]);
      const cursor = (await pull(app, admin, 0, 2000)).cursor;
      const res = await push(app, admin, [mutation('rooms', id, {}, hlc(T0 + 1), true)]);
      expect(res.body.accepted).toHaveLength(1);
      const page = await pull(app, admin, cursor);
      expect(page.changes).toHaveLength(1);
      expect(page.changes[0]).toMatchObject({ recordId: id, deleted: true, data: { deleted: true, name: 'Pracownia stolarska' } });
      const stale = await push(app, admin, [mutation('rooms', id, { name: 'Spóźniona zmiana' }, hlc(T0 - 1))]);
      expect(stale.body.accepted).toHaveLength(1);
      expect((await pull(app, admin, page.cursor)).changes).toEqual([]);
    });

    it('SYNC-PROTOCOL: an old client is refused with 426 clientTooOld and a bad query with 400', async () => {
      const old = await call<ApiError>(app, 'POST', '/api/v1/sync/push', {
        token: admin.deviceToken, body: { protocolVersion: MIN_PROTOCOL_VERSION - 1, deviceId: admin.deviceId, mutations: [] },
      });
      expect(old.status).toBe(426);
      expect(old.body.error).toBe('clientTooOld');
      const oldPull = await call<ApiError>(app, 'GET', `/api/v1/sync/pull?since=0&protocolVersion=${MIN_PROTOCOL_VERSION - 1}`, { token: admin.deviceToken });
      expect(oldPull.status).toBe(426);
      const v = `protocolVersion=${PROTOCOL_VERSION}`;
      for (const q of [`since=-1&${v}`, `since=abc&${v}`, `since=0&limit=0&${v}`, `since=0&limit=999999&${v}`, 'since=0']) {
        const bad = await call<ApiError>(app, 'GET', `/api/v1/sync/pull?${q}`, { token: admin.deviceToken });
        expect(bad.status, q).toBe(400);
        expect(bad.body.error).toBe('invalidRequest');
      }
    });
  });
}
