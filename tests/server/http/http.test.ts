/**
 * The HTTP surface: security headers everywhere, cache headers and content types of the PWA's
 * files, the SPA fallback, reason codes of refusals (404, 413, 426), compression, and request
 * logs that carry no query strings or tokens.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MIN_PROTOCOL_VERSION, type ApiError, type SessionInfo } from '../../../src/protocol';
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY } from '../../../src/server/http/middleware';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { call, pull, setUp, testApp, type TestApp } from '../helpers';

const INDEX = `<!doctype html><html><head><title>Obecni</title></head><body>${'<p>Obecni</p>'.repeat(200)}</body></html>`;

describe('HTTP', () => {
  let store: Store;
  let app: TestApp;
  let logger: ReturnType<typeof testApp>['logger'];
  let staticDir: string;
  let admin: SessionInfo;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'obecni-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), INDEX);
    writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("install", () => {});');
    writeFileSync(join(staticDir, 'manifest.webmanifest'), '{"name":"Obecni"}');
    writeFileSync(join(staticDir, 'assets', 'x-abc.js'), 'export const x = 1;');
    store = await openMemoryStore();
    await store.migrate();
    ({ app, logger } = testApp(store, { staticDir }));
    admin = await setUp(app);
  });
  afterAll(async () => {
    await store.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('HTTP-SECURITY: API answers, static files and errors all carry the security headers', async () => {
    for (const path of ['/api/v1/health', '/', '/assets/x-abc.js', '/api/v1/nope', '/assets/missing.js']) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY);
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });

  it('HTTP-STATIC: the app shell is revalidated, hashed assets are immutable, types are right', async () => {
    const expectations: [string, string, string][] = [
      ['/', 'no-cache', 'text/html; charset=utf-8'],
      ['/index.html', 'no-cache', 'text/html; charset=utf-8'],
      ['/sw.js', 'no-cache', 'text/javascript; charset=utf-8'],
      ['/manifest.webmanifest', 'no-cache', 'application/manifest+json; charset=utf-8'],
      ['/assets/x-abc.js', 'public, max-age=31536000, immutable', 'text/javascript; charset=utf-8'],
    ];
    for (const [path, cache, type] of expectations) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe(cache);
      expect(res.headers.get('content-type'), path).toBe(type);
    }
    expect(await (await app.request('/assets/x-abc.js')).text()).toBe('export const x = 1;');
  });

  it('HTTP-STATIC: unknown app paths get index.html; missing assets and escapes are 404', async () => {
    const spa = await app.request('/uczestnicy/123?tab=dane');
    expect(spa.status).toBe(200);
    expect(await spa.text()).toBe(INDEX);
    expect(spa.headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/assets/missing-123.js')).status).toBe(404);
    expect(await (await app.request('/%2e%2e/%2e%2e/etc/passwd')).text()).toBe(INDEX);
    expect((await app.request('/..%2f..%2f..%2fetc%2fpasswd')).status).toBe(404);
    const etag = (await app.request('/sw.js')).headers.get('etag')!;
    expect((await app.request('/sw.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('HTTP-ERRORS: unknown API paths are 404 notFound in JSON', async () => {
    const res = await call<ApiError>(app, 'GET', '/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'notFound', message: expect.any(String) });
    expect((await call<ApiError>(app, 'POST', '/api/v2/sync/push', { body: {} })).body.error).toBe('notFound');
  });

  it('HTTP-ERRORS: a body over MAX_BODY_BYTES is refused with 413 payloadTooLarge', async () => {
    const big = JSON.stringify({ protocolVersion: 1, deviceId: admin.deviceId, mutations: [], pad: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await app.request('/api/v1/sync/push', {
      method: 'POST', body: big,
      headers: { 'content-type': 'application/json', 'content-length': String(big.length), authorization: `Bearer ${admin.deviceToken}` },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ApiError).error).toBe('payloadTooLarge');
    const streamed = await app.request('/api/v1/sync/push', {
      method: 'POST', body: new Blob([big]).stream(), duplex: 'half',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.deviceToken}` },
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('HTTP-PROTOCOL: an unsupported X-Obecni-Protocol is refused with 426 clientTooOld on any API path', async () => {
    const res = await call<ApiError>(app, 'GET', '/api/v1/setup/status', { headers: { 'x-obecni-protocol': String(MIN_PROTOCOL_VERSION - 1) } });
    expect(res.status).toBe(426);
    expect(res.body.error).toBe('clientTooOld');
    expect((await call<ApiError>(app, 'GET', '/api/v1/health', { headers: { 'x-obecni-protocol': 'abc' } })).status).toBe(400);
    expect((await call(app, 'GET', '/api/v1/health', { headers: { 'x-obecni-protocol': String(MIN_PROTOCOL_VERSION) } })).status).toBe(200);
  });

  it('HTTP-GZIP: large answers are gzip-compressed when the client accepts it', async () => {
    const res = await app.request('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const plain = await app.request('/');
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('LOG-PRIVACY: request logs carry the route pattern and status, never query strings, tokens or bodies', async () => {
    logger.lines.length = 0;
    await pull(app, admin, 0, 5);
    await call(app, 'POST', '/api/v1/auth/login', { body: { login: 'anna.admin', password: 'zle-haslo-xyz', deviceName: 'Tablet Kowalskiej' } });
    const text = logger.lines.join('\n');
    expect(logger.lines.map((l) => JSON.parse(l) as { route?: string }).map((l) => l.route)).toEqual(expect.arrayContaining(['/api/v1/sync/pull', '/api/v1/auth/login']));
    for (const secret of ['since=', 'protocolVersion', admin.deviceToken, 'zle-haslo-xyz', 'anna.admin', 'Kowalskiej']) expect(text).not.toContain(secret);
  });
});
