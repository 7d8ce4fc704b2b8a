// Exports in the audit history, on the real device database: an export made offline waits in the
// device's queue and reaches the server once it answers, oldest first and only once; a record the
// server refuses for good is dropped; an XLSX export is a real workbook (the lazy chunk loads).
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { configureRuntime, login, startApp, syncNow } from '../../../src/client/state';
import { exportMealMonth } from '../../../src/client/state/meals';
import { exportRegister } from '../../../src/client/state/register';
import { pendingExportCount, recordPrint } from '../../../src/client/state/export-audit';
import { exportMonthlySheet, flushPendingExports } from '../../../src/client/state/reports';
import { TransportError } from '../../../src/client/sync/transport';
import { mealMonthSummary } from '../../../src/domain/rules/meals-month';
import { monthlySheet } from '../../../src/domain/rules/reports';
import type { ExportRecord, LoginRequest, SessionInfo } from '../../../src/protocol';
import { ScriptedTransport } from '../sync/scripted-transport';
import { mark, person, unit } from '../../domain/rules/fixtures';

class Server extends ScriptedTransport {
  refuse = false;
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-cccccccccccccccccccccccc', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['coordinator'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
  override recordExport(token: string, record: ExportRecord): Promise<{ recorded: boolean }> {
    if (this.refuse) return Promise.reject(new TransportError('forbidden', 403));
    return super.recordExport(token, record);
  }
}

const server = new Server();
const sheet = monthlySheet(unit(), [person('p-1', { lastName: 'Łęcka', firstName: 'Żaneta' })], [mark('p-1', '2026-11-02', 'present')], [], '2026-11', '2026-12-31');
const blobBytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('export records', () => {
  beforeAll(async () => {
    configureRuntime({ transport: server, dbName: `reports-${Date.now()}`, autoSync: false, nowMs: () => Date.UTC(2026, 10, 23, 8, 42), timeZone: 'Europe/Warsaw' });
    await startApp();
    expect((await login({ login: 'ewa', password: 'x' })).ok).toBe(true);
  });

  it('sends the record of an export at once when the server answers', async () => {
    const blob = await exportMonthlySheet(sheet, 'WTZ', 'xlsx');
    const files = unzipSync(await blobBytes(blob));
    expect(strFromU8(files['xl/sharedStrings.xml']!)).toContain('Łęcka');
    expect(server.exports).toEqual([expect.objectContaining({ unitId: 'unit-1', report: 'monthlySheet', format: 'xlsx', from: '2026-11-01', to: '2026-11-30', rows: 1, atMs: Date.UTC(2026, 10, 23, 8, 42) })]);
    expect(await pendingExportCount()).toBe(0);
  });

  it('keeps records made offline and sends them, in order and once, when the server is back', async () => {
    server.down = true;
    await exportMonthlySheet(sheet, 'WTZ', 'csv');
    await recordPrint('monthlySheet', 'unit-1', '2026-11-01', '2026-11-30', 1);
    expect(await pendingExportCount()).toBe(2);
    expect(server.exports).toHaveLength(1);
    server.down = false;
    await flushPendingExports();
    await flushPendingExports();
    expect(server.exports.slice(1).map((e) => e.format)).toEqual(['csv', 'print']);
    expect(await pendingExportCount()).toBe(0);
  });

  it('records the register and the month of meals as exports too (personal data leaving the device)', async () => {
    const people = [person('p-1', { lastName: 'Łęcka', firstName: 'Żaneta' }), person('p-2')];
    const register = await exportRegister('unit-1', people, new Map(), '2026-11-23');
    expect(await register.text()).toContain('Łęcka');
    const summary = mealMonthSummary(unit(), people, [mark('p-1', '2026-11-02', 'present')], [], [], '2026-11', '2026-11-23');
    const meals = await exportMealMonth('unit-1', summary, 'WTZ', (d) => d);
    expect(await meals.text()).toContain('Łęcka');
    expect(server.exports.slice(-2)).toEqual([
      expect.objectContaining({ unitId: 'unit-1', report: 'participantRegister', format: 'csv', from: '2026-11-23', to: '2026-11-23', rows: 2 }),
      expect.objectContaining({ unitId: 'unit-1', report: 'mealMonth', format: 'csv', from: '2026-11-01', to: '2026-11-30', rows: summary.rows.length }),
    ]);
    expect(summary.rows.length).toBe(2);
  });

  it('sends the waiting records after the next successful sync, without the reports screen being opened', async () => {
    server.down = true;
    await exportRegister('unit-1', [person('p-1')], new Map(), '2026-11-23');
    expect(await pendingExportCount()).toBe(1);
    const before = server.exports.length;
    server.down = false;
    await syncNow();
    await vi.waitFor(async () => expect(await pendingExportCount()).toBe(0));
    expect(server.exports.slice(before).map((e) => e.report)).toEqual(['participantRegister']);
  });

  it('drops a record the server refuses for good instead of retrying it forever', async () => {
    server.refuse = true;
    await recordPrint('monthlySheet', 'unit-1', '2026-11-01', '2026-11-30', 1);
    expect(await pendingExportCount()).toBe(0);
    server.refuse = false;
  });
});
