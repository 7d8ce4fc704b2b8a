/**
 * CREATE-ONLY: a studio log written offline on a tablet that had no session record carries the
 * record's defaults (`status: 'planned'`, no move, no substitute) as create-only fields. A
 * coordinator's cancellation that reached the server first stays: the log's topic and notes
 * land, its later-stamped `status: 'planned'` does not bring the class back. And a therapist
 * writes only the studio log of a session (WRITE_FIELDS): a change of its status, its move or
 * its substitute, or a delete, is refused `forbidden` and audited, whatever the stamps.
 */
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionId } from '../../../src/domain';
import type { ApiError, HistoryResponse, Mutation, SessionInfo } from '../../../src/protocol';
import type { Store } from '../../../src/server/store/store';
import { call, hlc, mutation, push, serverFixture, type ServerFixture, type TestApp } from '../helpers';

const T0 = Date.UTC(2026, 10, 23, 8);
const MON = '2026-11-23';
/** The fields saveStudioLog fills in when the tablet has no session record. */
const LOG_DEFAULTS = ['activityId', 'unitId', 'day', 'status', 'movedTo', 'substituteStaffIds'];

describe('CREATE-ONLY: defaults of a record made on a device never overwrite what the server has', () => {
  let fx: ServerFixture;
  let store: Store;
  let app: TestApp;
  let therapist: SessionInfo;
  let coordinator: SessionInfo;
  let unitId: string;
  let org: string;

  beforeAll(async () => {
    fx = await serverFixture();
    ({ store, app, unitId, organizationId: org } = fx);
    therapist = await fx.account('therapist');
    coordinator = await fx.account('coordinator');
  });
  afterAll(() => fx.close());

  /** The studio log as a tablet without the session record sends it (see saveStudioLog). */
  function offlineLog(activityId: string, stamp: string, log: { topic: string; notes: string }): Mutation {
    const m = mutation('sessions', sessionId(activityId, MON), { activityId, unitId, day: MON, status: 'planned', movedTo: null, substituteStaffIds: null, ...log }, stamp);
    return { ...m, ifAbsent: LOG_DEFAULTS };
  }

  /** The coordinator cancels the occurrence (see setOccurrence: the empty log is a default). */
  function cancellation(activityId: string, stamp: string): Mutation {
    const m = mutation('sessions', sessionId(activityId, MON), { activityId, unitId, day: MON, status: 'cancelled', movedTo: null, substituteStaffIds: null, topic: '', notes: '' }, stamp);
    return { ...m, ifAbsent: ['activityId', 'unitId', 'day', 'topic', 'notes'] };
  }

  const refusedAndAudited = async (m: Mutation) => {
    const res = await push(app, therapist, [m]);
    expect(res.body.accepted).toEqual([]);
    expect(res.body.rejected).toMatchObject([{ mutationId: m.mutationId, reason: 'forbidden' }]);
    const [entry] = await store.audit.list(org, 1, { action: 'writeRefused', recordId: m.recordId });
    expect(entry).toMatchObject({ action: 'writeRefused', entity: 'sessions', userId: therapist.user.id, details: { mutationId: m.mutationId } });
  };

  it('CREATE-ONLY-RACE: the cancellation stays, the later-stamped log lands, the history shows only topic and notes applied', async () => {
    const activityId = uuidv7();
    // The tablet wrote the log at 09:05 while offline; the coordinator cancelled at 08:30 and synced first.
    const log = offlineLog(activityId, hlc(T0 + 3_900_000, 'dev-t'), { topic: 'Glina', notes: 'Miski z gliny' });
    expect((await push(app, coordinator, [cancellation(activityId, hlc(T0 + 1_800_000, 'dev-c'))])).body.rejected).toEqual([]);
    const res = await push(app, therapist, [log]);
    expect(res.body).toEqual({ accepted: [log.mutationId], rejected: [], serverTimeMs: expect.any(Number) });

    const stored = await store.sync.getRecord(org, 'sessions', log.recordId);
    expect(stored?.data).toMatchObject({ status: 'cancelled', movedTo: null, topic: 'Glina', notes: 'Miski z gliny' });

    const history = await call<HistoryResponse & ApiError>(app, 'GET', `/api/v1/history?entity=sessions&recordId=${encodeURIComponent(log.recordId)}`, { token: coordinator.deviceToken });
    expect(history.status).toBe(200);
    expect(history.body.entries).toHaveLength(2);
    const last = history.body.entries[1]!;
    expect(last.superseded).toBe(false);
    expect(last.changes.map((c) => c.field).sort()).toEqual(['notes', 'topic']);
    const [row] = await store.audit.list(org, 1, { action: 'recordChange', recordId: log.recordId });
    expect(row?.details).toEqual({ mutationId: log.mutationId, fields: ['topic', 'notes'] });
  });

  it('CREATE-ONLY-REVERSE: the log reaching the server first, a cancellation stamped before it still wins over its defaults', async () => {
    const activityId = uuidv7();
    const log = offlineLog(activityId, hlc(T0 + 3_900_000, 'dev-t'), { topic: 'Wiklina', notes: '' });
    expect((await push(app, therapist, [log])).body.rejected).toEqual([]);
    expect((await store.sync.getRecord(org, 'sessions', log.recordId))?.data).toMatchObject({ status: 'planned', topic: 'Wiklina' });
    const cancel = cancellation(activityId, hlc(T0 + 1_800_000, 'dev-c'));
    expect((await push(app, coordinator, [cancel])).body).toEqual({ accepted: [cancel.mutationId], rejected: [], serverTimeMs: expect.any(Number) });
    // The cancellation's own empty log is a default too: the therapist's log stays.
    expect((await store.sync.getRecord(org, 'sessions', log.recordId))?.data).toMatchObject({ status: 'cancelled', topic: 'Wiklina' });
  });

  it('CREATE-ONLY-NEW: on a session the server does not have yet, the therapist’s defaults create it', async () => {
    const log = offlineLog(uuidv7(), hlc(T0 + 5000, 'dev-t'), { topic: 'Wikliny', notes: '' });
    expect((await push(app, therapist, [log])).body).toEqual({ accepted: [log.mutationId], rejected: [], serverTimeMs: expect.any(Number) });
    expect((await store.sync.getRecord(org, 'sessions', log.recordId))?.data).toMatchObject({ status: 'planned', topic: 'Wikliny', unitId });
  });

  it('CREATE-ONLY-HISTORY: the history marks an applied create-only default (isDefault) apart from the values the user set', async () => {
    const log = offlineLog(uuidv7(), hlc(T0 + 6000, 'dev-t'), { topic: 'Papier', notes: 'Czerpanie' });
    expect((await push(app, therapist, [log])).body.rejected).toEqual([]);
    const history = await call<HistoryResponse & ApiError>(app, 'GET', `/api/v1/history?entity=sessions&recordId=${encodeURIComponent(log.recordId)}`, { token: coordinator.deviceToken });
    expect(history.status).toBe(200);
    const [entry] = history.body.entries;
    const byField = new Map(entry!.changes.map((c) => [c.field, c]));
    for (const field of log.ifAbsent ?? []) expect(byField.get(field), field).toMatchObject({ isDefault: true });
    for (const field of ['topic', 'notes', 'deleted']) expect(byField.get(field)?.isDefault, field).toBeUndefined();
    expect(byField.get('status')).toEqual({ field: 'status', before: null, after: 'planned', isDefault: true });
    const [row] = await store.sync.history(org, 'sessions', log.recordId);
    expect(row?.defaultFields?.slice().sort()).toEqual([...(log.ifAbsent ?? [])].sort());
  });

  it('THERAPIST-LOG-ONLY: a therapist changing a session’s status is refused forbidden and audited; the coordinator’s same change lands', async () => {
    const activityId = uuidv7();
    const id = sessionId(activityId, MON);
    expect((await push(app, therapist, [offlineLog(activityId, hlc(T0 + 10_000, 'dev-t'), { topic: 'Szycie', notes: '' })])).body.rejected).toEqual([]);

    await refusedAndAudited(mutation('sessions', id, { status: 'cancelled' }, hlc(T0 + 20_000, 'dev-t')));
    await refusedAndAudited(mutation('sessions', id, { topic: 'Haft', substituteStaffIds: [therapist.user.id] }, hlc(T0 + 21_000, 'dev-t')));
    await refusedAndAudited(mutation('sessions', id, {}, hlc(T0 + 22_000, 'dev-t'), true));
    // Outside the log only as a create-only default of a field never set: here it is a new record
    // with its status not marked create-only.
    await refusedAndAudited(mutation('sessions', sessionId(uuidv7(), MON), { activityId, unitId, day: MON, status: 'cancelled', movedTo: null, substituteStaffIds: null, topic: '', notes: '' }, hlc(T0 + 23_000, 'dev-t')));
    expect((await store.sync.getRecord(org, 'sessions', id))?.data).toMatchObject({ status: 'planned', topic: 'Szycie', substituteStaffIds: null, deleted: false });

    // The log itself is the therapist's to write.
    expect((await push(app, therapist, [mutation('sessions', id, { topic: 'Haft', notes: 'Krzyżykowy' }, hlc(T0 + 24_000, 'dev-t'))])).body.rejected).toEqual([]);
    // Coordinators are not limited to fields.
    expect((await push(app, coordinator, [mutation('sessions', id, { status: 'cancelled' }, hlc(T0 + 25_000, 'dev-c'))])).body.rejected).toEqual([]);
    expect((await store.sync.getRecord(org, 'sessions', id))?.data).toMatchObject({ status: 'cancelled', topic: 'Haft', notes: 'Krzyżykowy' });
  });

  it('CREATE-ONLY-SCHEMA: ifAbsent is bounded and names fields like patch keys', async () => {
    const base = offlineLog(uuidv7(), hlc(T0 + 30_000, 'dev-t'), { topic: 'x', notes: '' });
    const tooMany = { ...base, ifAbsent: Array.from({ length: 101 }, (_, i) => `f${i}`) };
    const tooLong = { ...base, mutationId: uuidv7(), ifAbsent: ['x'.repeat(65)] };
    const notList = { ...base, mutationId: uuidv7(), ifAbsent: 'status' as unknown as string[] };
    const res = await push(app, therapist, [tooMany, tooLong, notList]);
    expect(res.status).toBe(200);
    expect(res.body.rejected.map((r) => r.reason)).toEqual(['invalidRecord', 'invalidRecord', 'invalidRecord']);
    expect(res.body.rejected.every((r) => r.issues.every((i) => i.path.startsWith('ifAbsent')))).toBe(true);
  });
});
