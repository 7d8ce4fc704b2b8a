/**
 * The sync endpoints. Push applies a batch of mutations (see sync/push.ts) under the
 * organization's write lock; pull hands out the merged records changed after the caller's
 * cursor that the caller may see (sync/scope.ts), in sequence order and in pages, tombstones
 * included. A cursor the server cannot continue from is refused with cursorExpired, and the
 * device resyncs from 0: one ahead of the server (a database restored from a backup), or one
 * from before the account's roles or units changed (or from a device that never pulled in full).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ENTITY_NAMES, IdSchema, type EntityName } from '../../domain';
import {
  MAX_MUTATION_BYTES, MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, MIN_PROTOCOL_VERSION, jsonBytes, MutationSchema, ProtocolHeader, PushEnvelopeSchema, usableMutationId,
  type Mutation, type PushResponse,
} from '../../protocol';
import type { AppEnv } from '../http/context';
import { HttpFailure, issuesOf, parseOrFail } from '../http/errors';
import { readJsonBody } from '../http/json-body';
import { parseProtocolVersion } from '../http/middleware';
import { canPush } from '../sync/access';
import { pullPageJson } from '../sync/pull-page';
import { pullFilter, scopeFor } from '../sync/scope';
import { applyMutations, type MalformedMutation } from '../sync/push';
import type { RouteDeps } from './deps';

export const DEFAULT_PULL_LIMIT = 1000;

const Int = (min: number, max: number) => v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'notAnInteger'), v.transform(Number), v.minValue(min), v.maxValue(max));

const PullQuerySchema = v.object({
  since: v.optional(Int(0, Number.MAX_SAFE_INTEGER), '0'),
  limit: v.optional(Int(1, MAX_PULL_LIMIT), String(DEFAULT_PULL_LIMIT)),
  /** The device's own report (issue 17.1): changes waiting on it and its last successful sync (epoch ms). */
  pending: v.optional(Int(0, 100_000_000)),
  lastSync: v.optional(Int(0, Number.MAX_SAFE_INTEGER)),
});

/**
 * The mutations of a push envelope, each checked on its own: a valid one as it is, a broken one
 * with a usable id as a MalformedMutation (rejected alone). One over MAX_MUTATION_BYTES is
 * rejected alone too (`payloadTooLarge`), before its schema is read. A broken or oversized one
 * without a usable id cannot be answered by its id, so the whole push is refused naming where it
 * is (400 invalidRequest, or 413 payloadTooLarge).
 */
function checkMutations(raw: readonly unknown[]): (Mutation | MalformedMutation)[] {
  return raw.map((input, index) => {
    const tooLarge = jsonBytes(input) > MAX_MUTATION_BYTES;
    const parsed = tooLarge ? null : v.safeParse(MutationSchema, input);
    if (parsed?.success) return parsed.output;
    const issues = parsed ? issuesOf(parsed.issues) : [{ path: '', code: 'tooLarge' }];
    const mutationId = usableMutationId(input);
    if (mutationId === null) {
      throw new HttpFailure(tooLarge ? 'payloadTooLarge' : 'invalidRequest', issues.map((i) => ({ path: i.path === '' ? `mutations.${index}` : `mutations.${index}.${i.path}`, code: i.code })));
    }
    const { entity, recordId } = input as { entity?: unknown; recordId?: unknown };
    return {
      malformed: issues, mutationId, reason: tooLarge ? 'payloadTooLarge' : 'invalidRecord',
      entity: typeof entity === 'string' && (ENTITY_NAMES as readonly string[]).includes(entity) ? (entity as EntityName) : null,
      recordId: v.is(IdSchema, recordId) ? recordId : null,
    };
  });
}

export function syncRoutes({ store, config, logger, clock, requireAuth }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth);

  app.post('/push', async (c) => {
    const auth = c.get('auth');
    const body = await readJsonBody(c);
    const announced = (body as { protocolVersion?: unknown } | null)?.protocolVersion;
    if (typeof announced === 'number' && announced < MIN_PROTOCOL_VERSION) throw new HttpFailure('clientTooOld');
    if (!canPush(auth)) {
      const now = clock();
      logger.warn('pushRefused', { code: 'forbidden' });
      await store.audit.record(auth.organizationId, { atMs: now, userId: auth.userId, deviceId: auth.deviceId, action: 'pushRefused' });
      throw new HttpFailure('forbidden');
    }
    // Over the batch limit is "too large" (413), as the protocol says, not a schema error.
    const mutations = (body as { mutations?: unknown } | null)?.mutations;
    if (Array.isArray(mutations) && mutations.length > MAX_PUSH_MUTATIONS) throw new HttpFailure('payloadTooLarge', [{ path: 'mutations', code: 'tooManyMutations' }]);
    // The envelope strictly; the mutations one by one, so a broken one does not sink the batch.
    const req = parseOrFail(PushEnvelopeSchema, body);
    if (req.device) await store.accounts.reportDeviceState(auth.organizationId, auth.deviceId, req.device);
    const items = checkMutations(req.mutations);
    const now = clock();
    const result: PushResponse = await store.write(auth.organizationId, (tx) => applyMutations(tx, auth, items, now, logger, config.clockToleranceSeconds * 1000));
    return c.json(result);
  });

  app.get('/pull', async (c) => {
    const auth = c.get('auth');
    const version = parseProtocolVersion(c.req.query('protocolVersion')) ?? parseProtocolVersion(c.req.header(ProtocolHeader));
    if (version === undefined) throw new HttpFailure('invalidRequest', [{ path: 'protocolVersion', code: 'required' }]);
    const query = parseOrFail(PullQuerySchema, { since: c.req.query('since'), limit: c.req.query('limit'), pending: c.req.query('pending'), lastSync: c.req.query('lastSync') });
    if (query.pending !== undefined) {
      await store.accounts.reportDeviceState(auth.organizationId, auth.deviceId, { pending: query.pending, lastSyncAtMs: query.lastSync ?? null });
    }
    if (query.since > 0 && auth.deviceScopeEpoch !== auth.scopeEpoch) {
      logger.info('cursorExpired', { reason: 'scopeChanged' });
      throw new HttpFailure('cursorExpired');
    }
    const [maxSeq, floor] = await Promise.all([store.sync.maxSeq(auth.organizationId), store.sync.cursorFloor(auth.organizationId)]);
    if (query.since > maxSeq) {
      logger.info('cursorExpired', { reason: 'aheadOfServer' });
      throw new HttpFailure('cursorExpired');
    }
    // Above 0 and below the floor a restore set: a cursor of the data before the restore.
    if (query.since > 0 && query.since < floor) {
      logger.info('cursorExpired', { reason: 'belowRestoreFloor' });
      throw new HttpFailure('cursorExpired');
    }
    const scope = scopeFor(auth);
    // Rows are chosen in SQL; the cursor moves past the rows the caller does not see, so a page
    // holds `limit` changes while hasMore is true, and fewer only at the end of the log.
    const raw = await store.sync.pullRaw(auth.organizationId, query.since, query.limit, pullFilter(scope, query.since));
    const { body, dropped } = pullPageJson(scope, raw, clock());
    for (const change of dropped) logger.error('scopeMismatch', { entity: change.entity });
    // A full pull under the current scope: later pages and pulls may continue from the cursor.
    if (query.since === 0 && auth.deviceScopeEpoch !== auth.scopeEpoch) {
      await store.accounts.setDeviceScopeEpoch(auth.organizationId, auth.deviceId, auth.scopeEpoch);
    }
    return c.body(body, 200, { 'content-type': 'application/json; charset=UTF-8' });
  });

  return app;
}
