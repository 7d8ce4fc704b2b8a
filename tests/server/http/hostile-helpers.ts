/**
 * Shared pieces of the hostile-input suites: a server on in-memory PGlite whose tables the test
 * can read (to take a digest of everything stored), the check that an answer is a refusal with a
 * reason code, and fast-check arbitraries of values no endpoint should accept.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect } from 'vitest';
import { REASON_CODES, type ApiError, type ReasonCode } from '../../../src/protocol';
import { STATUS_OF } from '../../../src/server/http/errors';
import type { Store } from '../../../src/server/store/store';
import type { TestApp } from '../helpers';
import { openMemoryStore } from '../store/memory-store';
import { openInFreshSchema } from '../store/pg-schema';
import { rawSql } from '../store/raw-sql';

/** fast-check runs per property: a few seconds on a developer's machine, more in CI (FC_RUNS overrides both). */
export const HOSTILE_RUNS = Number(process.env.FC_RUNS ?? (process.env.CI ? 120 : 30));

export type StoreKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL is set (each store in a fresh schema, dropped at close). */
export function storeKinds(): StoreKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A migrated, empty store plus raw SQL access to its tables. */
export async function openInspectableStore(kind: StoreKind = 'pglite'): Promise<{ store: Store; sql: <T>(text: string) => Promise<T[]> }> {
  const store = kind === 'pglite' ? await openMemoryStore() : (await openInFreshSchema(process.env.DATABASE_URL!)).store;
  await store.migrate();
  return { store, sql: <T>(text: string) => rawSql<T>(store, text) };
}

/**
 * Refusals are audited on purpose (a refused write, a refused push, a refused admin call, a failed sign-in): those audit
 * rows and the bookkeeping of sign-ins (last seen, failed-login counter) are left out of the digest;
 * everything else of every table is in it.
 */
const REFUSAL_AUDITS = ['writeRefused', 'pushRefused', 'loginFailed', 'adminRefused'];
const DIGEST_QUERIES = [
  'SELECT * FROM organizations ORDER BY id',
  'SELECT organization_id, id, login, display_name, password_hash, roles, unit_ids, created_at, disabled FROM users ORDER BY organization_id, id',
  'SELECT organization_id, id, user_id, name, token_hash, created_at, revoked_at FROM devices ORDER BY organization_id, id',
  'SELECT * FROM records ORDER BY organization_id, entity, id',
  'SELECT * FROM mutations ORDER BY organization_id, mutation_id',
  `SELECT * FROM audit_log WHERE action NOT IN (${REFUSAL_AUDITS.map((a) => `'${a}'`).join(', ')}) ORDER BY organization_id, id`,
  'SELECT name FROM schema_migrations ORDER BY name',
];

/** Accounts with devices are made by the shared fixture; re-exported for the hostile suites. */
export { accountWithDevice } from '../helpers';

/** A SHA-256 of every stored row (see REFUSAL_AUDITS for what is left out). */
export async function digest(sql: <T>(text: string) => Promise<T[]>): Promise<string> {
  const hash = createHash('sha256');
  for (const q of DIGEST_QUERIES) hash.update(q).update(JSON.stringify(await sql(q)));
  return hash.digest('hex');
}

/** encodeURIComponent that survives lone surrogates (they become U+FFFD, as a browser would send them). */
export function enc(s: string): string {
  return encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

export interface Answer { status: number; text: string; json: unknown }

const accessTokens = new WeakMap<TestApp, Map<string, string>>();

/**
 * The access token for a device token, as a device gets it (POST /auth/token), cached per app; a
 * token the exchange refuses is sent as it is, so the call under test meets it.
 */
async function accessFor(app: TestApp, deviceToken: string): Promise<string> {
  let cache = accessTokens.get(app);
  if (!cache) accessTokens.set(app, (cache = new Map()));
  const cached = cache.get(deviceToken);
  if (cached) return cached;
  const res = await app.request('/api/v1/auth/token', { method: 'POST', headers: { authorization: `Bearer ${deviceToken}` } });
  if (res.status !== 200) return deviceToken;
  const { accessToken } = (await res.json()) as { accessToken: string };
  cache.set(deviceToken, accessToken);
  return accessToken;
}

/**
 * Sends a request with a raw (string) body. `token` is a device token: sync, history, admin and export
 * calls carry the access token it is exchanged for (auth calls carry it as it is).
 */
export async function send(app: TestApp, method: string, path: string, opts: { token?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token !== undefined) {
    const token = path.startsWith('/api/v1/auth/') ? opts.token : await accessFor(app, opts.token);
    headers.authorization = `Bearer ${token}`;
  }
  if (opts.body !== undefined && !('content-type' in headers)) headers['content-type'] = 'application/json';
  const res = await app.request(path, { method, headers, ...(opts.body !== undefined ? { body: opts.body } : {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}

/** The answer is a 4xx refusal whose body names a reason code matching the status (and, when given, one of `codes`). */
export function expectRefusal(answer: Answer, where: string, codes?: readonly ReasonCode[]): ReasonCode {
  expect(answer.status, `${where}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${where}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  const body = answer.json as Partial<ApiError> | null;
  expect(REASON_CODES, `${where}: body ${answer.text.slice(0, 200)}`).toContain(body?.error);
  const code = body!.error as ReasonCode;
  expect(STATUS_OF[code], where).toBe(answer.status);
  expect(typeof body?.message, where).toBe('string');
  if (codes) expect(codes, `${where}: ${answer.text.slice(0, 300)}`).toContain(code);
  return code;
}

/** Text that PostgreSQL cannot store or that breaks naive code: NUL, lone surrogates, control characters, huge strings. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\uffff', '\u202e', '\r\n', "'; DROP TABLE records; --", '../../etc/passwd', '%00', '{{7*7}}', '__proto__', 'constructor'),
  fc.tuple(fc.constantFrom('a', 'ż', '\u0000', '\ud83d'), fc.integer({ min: 101, max: 70_000 })).map(([ch, n]) => ch.repeat(n)),
);

/** Any JSON value, with hostile strings among the leaves. */
export const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, -0, 2 ** 53 + 1, 3.5, true, false, null, [], {}) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) },
);

/** A JSON value that is never a string (the wrong type for every text field). */
export const notAString: fc.Arbitrary<unknown> = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));

/** Request bodies that are not JSON at all, or JSON broken off, or nested absurdly deep. */
export const brokenBody: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', '{', '{"a":', '[1,2', 'null', 'true', '"x"', '0', '[]', '{"__proto__":{"admin":true}}', '\u0000', '\ufeff{}', 'NaN'),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
);

/**
 * A valid object with one or more fields made hostile: removed, given the wrong type, or given
 * hostile text; sometimes a junk field is added as well. `invalid` lists, per field, values that
 * must be refused, so the result never happens to be valid; `optional` fields are never broken by
 * removing them (their absence is valid).
 */
export function corrupted(valid: Record<string, unknown>, invalid: Record<string, fc.Arbitrary<unknown>>, optional: readonly string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.keys(invalid);
  return fc.record({
    broken: fc.uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: fields.length }),
    how: fc.array(fc.constantFrom('remove', 'replace'), { minLength: fields.length, maxLength: fields.length }),
    values: fc.record(invalid),
    extra: fc.option(fc.tuple(nastyString, nastyJson)),
  }).map(({ broken, how, values, extra }) => {
    const out: Record<string, unknown> = { ...valid };
    broken.forEach((field, i) => {
      if (how[i] === 'remove' && !optional.includes(field)) delete out[field];
      else out[field] = values[field];
    });
    if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
    return out;
  });
}
