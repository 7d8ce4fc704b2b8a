/**
 * POST /api/v1/exports: a device records that it exported a report (the monthly sheet, a period
 * report, a participant's summary) as CSV, XLSX or on paper. Exports are made on the device from
 * its own data, often offline, so this is how the server's audit log learns who exported what and
 * when: the client sends the record when the file is made, or later from its local queue (see
 * docs/protocol.md). Only roles that see whole records of the unit (administrators, coordinators
 * and therapists of that unit) may record an export; the record holds ids, codes and a count of
 * people, never names. The device's export id makes a resent record harmless.
 */
import { Hono } from 'hono';
import { ExportRecordSchema } from '../../protocol';
import type { AppEnv } from '../http/context';
import { HttpFailure } from '../http/errors';
import { readJson } from '../http/json-body';
import type { RouteDeps } from './deps';

export const EXPORT_ACTION = 'export';

export function exportRoutes({ store, clock, requireAuth }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth);

  app.post('/', async (c) => {
    const auth = c.get('auth');
    const req = await readJson(c, ExportRecordSchema);
    const fullReader = auth.roles.some((r) => r === 'administrator' || r === 'coordinator' || r === 'therapist');
    const inScope = auth.roles.includes('administrator') || auth.unitIds.includes(req.unitId);
    if (!fullReader || !inScope) throw new HttpFailure('forbidden');
    // An administrator's scope is the organization: a unit of another one (or none) is unknown here.
    const unit = await store.sync.getRecord(auth.organizationId, 'units', req.unitId);
    if (!unit || unit.deleted) throw new HttpFailure('notFound');
    if (req.from > req.to) throw new HttpFailure('invalidRequest', [{ path: 'to', code: 'toBeforeFrom' }]);
    const seen = await store.audit.list(auth.organizationId, 1, { action: EXPORT_ACTION, recordId: req.exportId });
    if (seen.length > 0) return c.json({ recorded: false }, 200);
    const { exportId, atMs, ...rest } = req;
    await store.audit.record(auth.organizationId, {
      atMs: clock(), userId: auth.userId, deviceId: auth.deviceId, action: EXPORT_ACTION, entity: 'reports', recordId: exportId,
      details: { ...rest, deviceAtMs: atMs },
    });
    return c.json({ recorded: true }, 201);
  });

  return app;
}
