/**
 * GET /api/v1/history?entity=…&recordId=…: who changed a record, when, from which device, and what
 * (field, before, after), oldest first. The caller must be allowed to see the record (the same
 * scope as pull); drivers and the kitchen, whose devices hold partial records, get no history.
 * Values are returned only to callers who may see the whole record.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ENTITY_NAMES, IdSchema, type EntityName } from '../../domain';
import type { HistoryEntry, HistoryResponse } from '../../protocol';
import type { MutationRow } from '../store/store';
import type { AppEnv } from '../http/context';
import { HttpFailure, parseOrFail } from '../http/errors';
import { scopeFor, scopeRecord } from '../sync/scope';
import type { RouteDeps } from './deps';

const QuerySchema = v.object({
  entity: v.picklist(ENTITY_NAMES as [EntityName, ...EntityName[]]),
  recordId: IdSchema,
});

export function historyRoutes({ store, requireAuth }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth);

  app.get('/', async (c) => {
    const auth = c.get('auth');
    const query = parseOrFail(QuerySchema, { entity: c.req.query('entity'), recordId: c.req.query('recordId') });
    const record = await store.sync.getRecord(auth.organizationId, query.entity, query.recordId);
    if (!record) throw new HttpFailure('notFound');
    const visible = scopeRecord(scopeFor(auth), query.entity, record.data);
    if (!visible || visible.partial) throw new HttpFailure('forbidden');
    const [rows, directory] = await Promise.all([store.sync.history(auth.organizationId, query.entity, query.recordId), store.accounts.directory(auth.organizationId)]);
    const body: HistoryResponse = { entries: rows.map((r) => historyEntry(r, directory)) };
    return c.json(body);
  });

  return app;
}

/** A stored history row as the API shows it: who (by name), when, from which device, each field before and after. */
export function historyEntry(r: MutationRow, directory: { users: Map<string, string>; devices: Map<string, string> }): HistoryEntry {
  return {
    atMs: r.receivedAtMs,
    user: directory.users.get(r.userId) ?? '—',
    device: directory.devices.get(r.deviceId) ?? (r.deviceId === 'demo' ? 'demo' : '—'),
    changes: r.appliedFields.map((field) => {
      const before = r.oldValues[field] ?? null;
      // The tombstone flag is not in the stored patch: it flipped (or the record was created).
      const after = field === 'deleted' ? (before === null ? false : !before) : (r.patch[field] ?? null);
      return r.defaultFields?.includes(field) ? { field, before, after, isDefault: true as const } : { field, before, after };
    }),
    superseded: r.appliedFields.length === 0,
  };
}
