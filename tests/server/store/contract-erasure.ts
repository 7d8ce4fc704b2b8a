/**
 * Contract, erasure (issue 13 point 2, GDPR art. 17), on every Store, on the demo centre. An
 * administrator's erasure of a participant leaves a tombstone without a personal field in every
 * pull (administrator, coordinator, driver), history rows without values, the person's marks
 * counted but without their note, the erasure in the ledger (ids, number, date) and in the audit
 * log (who and when, never what); a later change from a device that had not heard of it is
 * refused and answered with the tombstone. Right of access (art. 15): the administrator exports
 * everything held about a person, and the export is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dayMarkId } from '../../../src/domain';
import type { AccessExport, ExportLogResponse, HistoryResponse, PulledChange, SessionInfo } from '../../../src/protocol';
import type { Store } from '../../../src/server/store/store';
import type { OpenStore } from './contract-first-run';
import { call, fakeClock, hlc, mutation, pullAll, push, testApp, type TestApp } from '../helpers';

const NOTE = 'Skarżył się na ból w klatce piersiowej';

export function erasureContract(open: OpenStore): void {
  describe('ERASE: an administrator erases a participant', () => {
    let store: Store;
    let app: TestApp;
    const clock = fakeClock();
    const s: Record<string, SessionInfo> = {};
    let person: PulledChange;
    let markId: string;
    let beforeCursor: Record<string, number>;
    const stamp = (offsetMs: number, device = 'dev-test') => hlc(clock.now() + offsetMs, device);
    const lastOf = (changes: readonly PulledChange[], entity: string, id: string) => changes.filter((c) => c.entity === entity && c.recordId === id).at(-1);

    beforeAll(async () => {
      store = await open();
      ({ app } = testApp(store, { clock: clock.now }));
      expect((await call(app, 'POST', '/api/v1/setup/demo')).status).toBe(200);
      for (const login of ['admin', 'koordynator', 'kierowca']) {
        s[login] = (await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login, password: DEMO_PASSWORD, deviceName: login } })).body;
      }
      const all = await pullAll(app, s.admin!);
      const coordinatorUnits = new Set(s.koordynator!.user.unitIds);
      const driverPeople = new Set((await pullAll(app, s.kierowca!)).filter((c) => c.entity === 'participants').map((c) => c.recordId));
      person = all.find((c) => c.entity === 'participants' && !c.deleted && c.data.pesel !== null && c.data.disabilityCertificate !== null
        && coordinatorUnits.has(String(c.data.unitId)) && driverPeople.has(c.recordId))!;
      expect(person).toBeDefined();
      markId = dayMarkId(person.recordId, '2026-02-24');
      const unitId = String(person.data.unitId);
      const mark = { participantId: person.recordId, unitId, day: '2026-02-24', status: 'absent', absenceReason: 'illness', arrivalTime: null, leaveTime: null, note: NOTE };
      expect((await push(app, s.koordynator!, [mutation('dayMarks', markId, mark, stamp(1000, 'dev-c'))])).body.rejected).toEqual([]);
      beforeCursor = {};
      for (const login of ['admin', 'koordynator', 'kierowca']) {
        const page = await call<{ cursor: number }>(app, 'GET', `/api/v1/sync/pull?since=0&limit=100000&protocolVersion=1`, { token: s[login]!.deviceToken });
        beforeCursor[login] = page.body.cursor;
      }
      clock.advance(60_000);
      const erased = await push(app, s.admin!, [mutation('participants', person.recordId, {}, stamp(2000, 'dev-a'), true)]);
      expect(erased.body).toMatchObject({ accepted: [expect.any(String)], rejected: [] });
    });
    afterAll(async () => { await store.close(); });

    it('ERASE-PULL: full and incremental pulls of the administrator, the coordinator and the driver hold a tombstone with no personal field', async () => {
      const secrets = [String(person.data.pesel), JSON.stringify(person.data.disabilityCertificate), JSON.stringify(person.data.address)];
      for (const login of ['admin', 'koordynator', 'kierowca']) {
        for (const since of [0, beforeCursor[login]!]) {
          const changes = await pullAll(app, s[login]!, since);
          const tombstone = lastOf(changes, 'participants', person.recordId);
          expect(tombstone, `${login} since ${since}`).toBeDefined();
          expect(tombstone!.deleted).toBe(true);
          expect(Object.keys(tombstone!.data).sort()).toEqual(['changedBy', 'deleted', 'erasure', 'hlc', 'id', 'organizationId', 'unitId']);
          expect(tombstone!.data).toMatchObject({ id: person.recordId, unitId: person.data.unitId, erasure: 1 });
          const text = JSON.stringify(changes.filter((c) => c.recordId === person.recordId || c.data.participantId === person.recordId));
          for (const secret of secrets) expect(text).not.toContain(secret);
          expect(text).not.toContain(NOTE);
        }
      }
      const stored = await store.sync.getRecord(s.admin!.user.organizationId, 'participants', person.recordId);
      expect(stored!.data).not.toHaveProperty('pesel');
      expect(stored!.data).not.toHaveProperty('lastName');
    });

    it('ERASE-MARKS: the person\'s attendance stays (it counts in past reports) without its note', async () => {
      const changes = await pullAll(app, s.koordynator!);
      const mark = lastOf(changes, 'dayMarks', markId)!;
      expect(mark).toMatchObject({ deleted: false, data: { status: 'absent', participantId: person.recordId, note: '' } });
    });

    it('ERASE-HISTORY: the history of the person and of their marks keeps who and when, no value', async () => {
      const org = s.admin!.user.organizationId;
      const rows = await store.sync.history(org, 'participants', person.recordId);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const row of rows) expect([row.patch, row.oldValues]).toEqual([{}, {}]);
      const res = await call<HistoryResponse>(app, 'GET', `/api/v1/history?entity=participants&recordId=${person.recordId}`, { token: s.admin!.deviceToken });
      expect(res.status).toBe(200);
      for (const entry of res.body.entries) {
        for (const change of entry.changes) if (change.field !== 'deleted') expect([change.before, change.after]).toEqual([null, null]);
      }
      expect(JSON.stringify(res.body)).not.toContain(String(person.data.pesel));
      expect(JSON.stringify(await store.sync.history(org, 'dayMarks', markId))).not.toContain(NOTE);
    });

    it('ERASE-LEDGER-AUDIT: the ledger holds ids and dates; the audit log says who erased and when, never what', async () => {
      const org = s.admin!.user.organizationId;
      expect(await store.sync.erasures(org)).toEqual([{ entity: 'participants', recordId: person.recordId, no: 1, erasedAt: new Date(clock.now()).toISOString() }]);
      const [entry] = await store.audit.list(org, 10, { action: 'erasure' });
      expect(entry).toMatchObject({ userId: s.admin!.user.id, deviceId: s.admin!.deviceId, entity: 'participants', recordId: person.recordId, atMs: clock.now() });
      const audit = JSON.stringify(await store.audit.list(org, 10_000));
      for (const secret of [String(person.data.pesel), String(person.data.lastName), NOTE]) expect(audit).not.toContain(secret);
    });

    it('ERASE-FINAL: a later change from a device that had not pulled the erasure is refused and answered with the tombstone', async () => {
      const org = s.admin!.user.organizationId;
      const before = await store.sync.getRecord(org, 'participants', person.recordId);
      clock.advance(3_600_000);
      const late = await push(app, s.koordynator!, [mutation('participants', person.recordId, { notes: 'nowa notatka', pesel: person.data.pesel }, stamp(1000, 'dev-c'))]);
      expect(late.body.rejected).toEqual([expect.objectContaining({ reason: 'forbidden', issues: [{ path: '', code: 'erased' }] })]);
      expect(late.body.rejected[0]!.current).toMatchObject({ deleted: true, data: { erasure: 1 } });
      const back = await push(app, s.admin!, [mutation('participants', person.recordId, { ...person.data, deleted: false }, stamp(1000, 'dev-a'))]);
      expect(back.body.rejected).toEqual([expect.objectContaining({ reason: 'forbidden' })]);
      expect(await store.sync.getRecord(org, 'participants', person.recordId)).toEqual(before);
    });

    it('ACCESS-EXPORT: the administrator exports everything held about a person (record, marks, history with values, audit), recorded as an export; others may not', async () => {
      const all = await pullAll(app, s.admin!);
      const other = all.find((c) => c.entity === 'participants' && !c.deleted && c.data.pesel !== null && c.recordId !== person.recordId)!;
      const otherMark = dayMarkId(other.recordId, '2026-02-25');
      const mark = { participantId: other.recordId, unitId: other.data.unitId, day: '2026-02-25', status: 'present', absenceReason: null, arrivalTime: '08:10', leaveTime: null, note: 'Przyszła z opiekunką' };
      expect((await push(app, s.admin!, [mutation('dayMarks', otherMark, mark, stamp(5000, 'dev-a'))])).body.rejected).toEqual([]);
      const res = await call<AccessExport>(app, 'GET', `/api/v1/admin/participants/${other.recordId}/access?format=json`, { token: s.admin!.deviceToken });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ format: 'obecni-access', person: { entity: 'participants', id: other.recordId, data: { pesel: other.data.pesel } } });
      expect(res.body.records).toContainEqual(expect.objectContaining({ entity: 'dayMarks', id: otherMark, data: expect.objectContaining({ note: 'Przyszła z opiekunką' }) }));
      expect(res.body.history.some((h) => h.recordId === otherMark && h.changes.some((ch) => ch.field === 'note' && ch.after === 'Przyszła z opiekunką'))).toBe(true);
      expect(res.body.history.some((h) => h.recordId === other.recordId)).toBe(true);
      expect(res.body.audit.some((a) => a.action === 'recordChange' && a.recordId === otherMark)).toBe(true);
      expect((await call<AccessExport>(app, 'GET', `/api/v1/admin/participants/${other.recordId}/access?format=print`, { token: s.admin!.deviceToken })).status).toBe(200);

      const log = await call<ExportLogResponse>(app, 'GET', '/api/v1/admin/exports', { token: s.admin!.deviceToken });
      expect(log.body.exports.slice(0, 2).map((e) => [e.report, e.format, e.unitId, e.rows])).toEqual([
        ['participantAccess', 'print', other.data.unitId, 1], ['participantAccess', 'json', other.data.unitId, 1],
      ]);
      const audit = JSON.stringify(await store.audit.list(s.admin!.user.organizationId, 10, { action: 'export' }));
      expect(audit).not.toContain(String(other.data.pesel));
      expect(audit).not.toContain(String(other.data.lastName));

      expect((await call(app, 'GET', `/api/v1/admin/participants/${other.recordId}/access`, { token: s.koordynator!.deviceToken })).status).toBe(403);
      expect((await call(app, 'GET', `/api/v1/admin/participants/no-such-person/access`, { token: s.admin!.deviceToken })).status).toBe(404);
      expect((await call(app, 'GET', `/api/v1/admin/participants/${other.recordId}/access?format=pdf`, { token: s.admin!.deviceToken })).status).toBe(400);
      // After the erasure nothing but the tombstone and history without values is left to export.
      const erased = await call<AccessExport>(app, 'GET', `/api/v1/admin/participants/${person.recordId}/access`, { token: s.admin!.deviceToken });
      expect(erased.body.person.data).toMatchObject({ erasure: 1 });
      expect(JSON.stringify(erased.body)).not.toContain(String(person.data.pesel));
      expect(JSON.stringify(erased.body)).not.toContain(NOTE);
    });
  });
}
