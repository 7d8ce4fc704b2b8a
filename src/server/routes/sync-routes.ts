/**
 * The sync endpoints. Push applies a batch of mutations (see sync/push.ts) under the
 * organization's write lock; pull hands out the merged records changed after the caller's
 * cursor, in sequence order and in pages, tombstones included.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, MIN_PROTOCOL_VERSION, ProtocolHeader, PushRequestSchema, type PullResponse, type PushResponse } from '../../protocol';
import type { AppEnv } from '../http/context';
import { HttpFailure, parseOrFail } from '../http/errors';
import { parseProtocolVersion } from '../http/middleware';
import { canPush } from '../sync/access';
import { scopeChange, scopeFor } from '../sync/scope';
import { applyMutations } from '../sync/push';
import type { RouteDeps } from './deps';

export const DEFAULT_PULL_LIMIT = 1000;
/** Raw pages scanned per pull at most, so one request stays bounded however much is filtered out. */
const MAX_SCAN_PAGES = 20;

const Int = (min: number, max: number) => v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'notAnInteger'), v.transform(Number), v.minValue(min), v.maxValue(max));

const PullQuerySchema = v.object({
  since: v.optional(Int(0, Number.MAX_SAFE_INTEGER), '0'),
  limit: v.optional(Int(1, MAX_PULL_LIMIT), String(DEFAULT_PULL_LIMIT)),
});

export function syncRoutes({ store, logger, clock, requireAuth }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth);

  app.post('/push', async (c) => {
    const auth = c.get('auth');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new HttpFailure('invalidRequest', [{ path: '', code: 'invalidJson' }]);
    }
    const announced = (body as { protocolVersion?: unknown } | null)?.protocolVersion;
    if (typeof announced === 'number' && announced < MIN_PROTOCOL_VERSION) throw new HttpFailure('clientTooOld');
    if (!canPush(auth)) {
      const now = clock();
      logger.warn('pushRefused', { code: 'forbidden' });
      await store.write(auth.organizationId, (tx) => tx.audit(auth.organizationId, { atMs: now, userId: auth.userId, deviceId: auth.deviceId, action: 'pushRefused' }));
      throw new HttpFailure('forbidden');
    }
    // Over the batch limit is "too large" (413), as the protocol says, not a schema error.
    const mutations = (body as { mutations?: unknown } | null)?.mutations;
    if (Array.isArray(mutations) && mutations.length > MAX_PUSH_MUTATIONS) throw new HttpFailure('payloadTooLarge', [{ path: 'mutations', code: 'tooManyMutations' }]);
    const req = parseOrFail(PushRequestSchema, body);
    const now = clock();
    const result: PushResponse = await store.write(auth.organizationId, (tx) => applyMutations(tx, auth, req.mutations, now, logger));
    return c.json(result);
  });

  app.get('/pull', async (c) => {
    const auth = c.get('auth');
    const version = parseProtocolVersion(c.req.query('protocolVersion')) ?? parseProtocolVersion(c.req.header(ProtocolHeader));
    if (version === undefined) throw new HttpFailure('invalidRequest', [{ path: 'protocolVersion', code: 'required' }]);
    const query = parseOrFail(PullQuerySchema, { since: c.req.query('since'), limit: c.req.query('limit') });
    const [maxSeq, floor] = await Promise.all([store.maxSeq(auth.organizationId), store.cursorFloor(auth.organizationId)]);
    // Beyond the last change, or below the floor a restore set: a cursor of another incarnation of the data.
    if (query.since > maxSeq || (query.since > 0 && query.since < floor)) throw new HttpFailure('cursorExpired');
    const scope = scopeFor(auth);
    const page: PullResponse = { changes: [], cursor: query.since, hasMore: false };
    // Scan raw pages until the caller's page is full or the log ends; the cursor moves past rows the
    // caller does not see, so a filtered page may hold fewer than `limit` changes.
    for (let scanned = 0; scanned < MAX_SCAN_PAGES; scanned += 1) {
      const raw = await store.pull(auth.organizationId, page.cursor, query.limit - page.changes.length);
      for (const change of raw.changes) {
        const visible = scopeChange(scope, change);
        if (visible) page.changes.push(visible);
      }
      page.cursor = raw.cursor;
      page.hasMore = raw.hasMore;
      if (!raw.hasMore || page.changes.length >= query.limit) break;
    }
    return c.json(page);
  });

  return app;
}
