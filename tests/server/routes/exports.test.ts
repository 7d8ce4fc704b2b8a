/**
 * EXPORT-AUDIT: every export a device makes (monthly sheet, period report, participant summary; CSV,
 * XLSX or print) is recorded in the audit log with who, what and when; a resent record is stored
 * once; only roles that see the unit's whole records may record one; administrators list them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DEMO_PASSWORD } from '../../../src/domain';
import type { ApiError, ExportLogResponse, ExportRecord, SessionInfo } from '../../../src/protocol';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { call, fakeClock, testApp, type TestApp } from '../helpers';

describe('EXPORT-AUDIT: exports in the audit history', () => {
  let store: Store;
  let app: TestApp;
  const clock = fakeClock();
  const s: Record<string, SessionInfo> = {};

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    ({ app } = testApp(store, { clock: clock.now }));
    await call(app, 'POST', '/api/v1/setup/demo');
    for (const login of ['admin', 'terapeuta', 'kierowca', 'kuchnia']) {
      s[login] = (await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login, password: DEMO_PASSWORD, deviceName: `Tablet ${login}` } })).body;
    }
  });
  afterAll(async () => { await store.close(); });

  const record = (who: SessionInfo, over: Partial<ExportRecord> = {}) => {
    const body: ExportRecord = {
      exportId: uuidv7(), unitId: who.user.unitIds[0] ?? s.terapeuta!.user.unitIds[0]!, report: 'monthlySheet', format: 'xlsx',
      from: '2026-02-01', to: '2026-02-28', rows: 27, atMs: clock.now() - 60_000, ...over,
    };
    return { body, send: () => call<{ recorded: boolean } & ApiError>(app, 'POST', '/api/v1/exports', { token: who.deviceToken, body }) };
  };
  const list = (who: SessionInfo) => call<ExportLogResponse & ApiError>(app, 'GET', '/api/v1/admin/exports', { token: who.deviceToken });

  it('EXPORT-RECORD: a therapist’s export is recorded once, even when the device sends it again', async () => {
    const r = record(s.terapeuta!);
    expect((await r.send()).status).toBe(201);
    expect((await r.send())).toMatchObject({ status: 200, body: { recorded: false } });
    const audit = await store.audit.list(s.terapeuta!.user.organizationId, 10, { action: 'export' });
    expect(audit.filter((a) => a.recordId === r.body.exportId)).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: s.terapeuta!.user.id, deviceId: s.terapeuta!.deviceId, entity: 'reports', atMs: clock.now() });
  });

  it('EXPORT-LIST: administrators see who exported what and when, newest first; nobody else may list', async () => {
    const r1 = record(s.admin!, { unitId: s.terapeuta!.user.unitIds[0]!, report: 'periodReport', format: 'csv', from: '2026-01-01', to: '2026-12-31', rows: 300 });
    clock.advance(1000);
    expect((await r1.send()).status).toBe(201);
    const res = await list(s.admin!);
    expect(res.status).toBe(200);
    expect(res.body.exports[0]).toEqual({
      exportId: r1.body.exportId, unitId: r1.body.unitId, report: 'periodReport', format: 'csv', from: '2026-01-01', to: '2026-12-31', rows: 300,
      receivedAtMs: clock.now(), deviceAtMs: r1.body.atMs, user: expect.any(String), device: 'Tablet admin',
    });
    expect(res.body.exports[1]).toMatchObject({ report: 'monthlySheet', format: 'xlsx', device: 'Tablet terapeuta' });
    expect((await list(s.terapeuta!)).status).toBe(403);
  });

  it('EXPORT-KINDS: the register and the month of meals are recorded like the reports; an unknown kind is refused by field', async () => {
    const register = record(s.terapeuta!, { report: 'participantRegister', format: 'csv', from: '2026-11-23', to: '2026-11-23', rows: 31 });
    const meals = record(s.terapeuta!, { report: 'mealMonth', format: 'print', from: '2026-11-01', to: '2026-11-30', rows: 31 });
    expect((await register.send()).status).toBe(201);
    clock.advance(1000);
    expect((await meals.send()).status).toBe(201);
    const res = await list(s.admin!);
    expect(res.body.exports.slice(0, 2).map((e) => [e.report, e.format, e.from])).toEqual([['mealMonth', 'print', '2026-11-01'], ['participantRegister', 'csv', '2026-11-23']]);
    const bad = await call<ApiError>(app, 'POST', '/api/v1/exports', { token: s.terapeuta!.deviceToken, body: { ...record(s.terapeuta!).body, report: 'everything' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('report');
  });

  it('EXPORT-SCOPE: another unit, a driver, the kitchen and a bad record are refused', async () => {
    const foreignUnit = 'unit-not-mine-0000';
    expect((await record(s.terapeuta!, { unitId: foreignUnit }).send()).status).toBe(403);
    expect((await record(s.kierowca!).send()).status).toBe(403);
    expect((await record(s.kuchnia!).send()).status).toBe(403);
    expect((await record(s.terapeuta!, { from: '2026-03-01', to: '2026-02-01' }).send()).status).toBe(400);
    expect((await record(s.terapeuta!, { format: 'pdf' as 'csv' }).send()).status).toBe(400);
    expect((await call(app, 'POST', '/api/v1/exports', { body: record(s.terapeuta!).body })).status).toBe(401);
  });
});
