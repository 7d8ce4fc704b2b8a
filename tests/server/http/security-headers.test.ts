/**
 * Security headers (issue 8) on the three kinds of answer: the app's HTML (and its SPA fallback),
 * static assets and the service worker, and API responses (data, errors, refusals of the gate).
 * API answers carry personal data and must never be stored by a browser or proxy (no-store); HSTS
 * goes out only over HTTPS, behind a proxy only when TRUST_PROXY says to believe X-Forwarded-Proto.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, type SessionInfo } from '../../../src/protocol';
import { createApp } from '../../../src/server/app';
import { loadConfig } from '../../../src/server/config';
import { PERMISSIONS_POLICY, STRICT_TRANSPORT_SECURITY } from '../../../src/server/http/middleware';
import { createMemoryLogger } from '../../../src/server/logger';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { setUp, type TestApp } from '../helpers';

describe('security headers', () => {
  let store: Store;
  let staticDir: string;
  let app: TestApp;
  let proxied: TestApp;
  let admin: SessionInfo;
  let access: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'obecni-headers-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Obecni</title>');
    writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("install", () => {});');
    writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'export {};');
    writeFileSync(join(staticDir, 'assets', 'index-abc123.css'), 'body{}');
    store = await openMemoryStore();
    await store.migrate();
    app = createApp({ store, config: loadConfig({}), logger: createMemoryLogger(), staticDir });
    proxied = createApp({ store, config: loadConfig({ TRUST_PROXY: '1' }), logger: createMemoryLogger(), staticDir });
    admin = await setUp(app);
    // Signed-in API calls (sync, admin) carry an access token, exchanged for the device token.
    const exchanged = await app.request('/api/v1/auth/token', { method: 'POST', headers: { authorization: `Bearer ${admin.deviceToken}` } });
    access = ((await exchanged.json()) as { accessToken: string }).accessToken;
  });
  afterAll(async () => {
    await store.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  const bearer = () => ({ authorization: `Bearer ${admin.deviceToken}` });
  const bearerAccess = () => ({ authorization: `Bearer ${access}` });
  const html = ['/', '/index.html', '/obecnosc/2026-11-23'];
  const assets = ['/assets/index-abc123.js', '/assets/index-abc123.css', '/sw.js'];
  const api: [string, RequestInit | (() => RequestInit), number][] = [
    ['/api/v1/health', {}, 200],
    ['/api/v1/setup/status', {}, 200],
    [`/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}`, () => ({ headers: bearerAccess() }), 200],
    ['/api/v1/auth/session', () => ({ headers: bearer() }), 200],
    ['/api/v1/admin/accounts', () => ({ headers: bearerAccess() }), 200],
    [`/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}`, {}, 401],
    ['/api/v1/nope', {}, 404],
    ['/api/v1/health', { headers: { 'x-obecni-protocol': String(MIN_PROTOCOL_VERSION - 1) } }, 426],
    ['/api/v1/health', { headers: { 'x-obecni-protocol': 'abc' } }, 400],
    ['/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }, 400],
  ];

  async function every(): Promise<[string, Response][]> {
    const out: [string, Response][] = [];
    for (const path of [...html, ...assets]) out.push([path, await app.request(path)]);
    for (const [path, init, status] of api) {
      const res = await app.request(path, typeof init === 'function' ? init() : init);
      expect(res.status, path).toBe(status);
      out.push([`${path} (${status})`, res]);
    }
    return out;
  }

  it('HEADERS-ALL: HTML, assets and API answers all carry CSP, nosniff, referrer, framing and permissions policies', async () => {
    for (const [what, res] of await every()) {
      const csp = res.headers.get('content-security-policy') ?? '';
      const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
      expect(directive('default-src'), what).toBe("default-src 'self'");
      expect(directive('script-src'), what).toBe("script-src 'self'");
      expect(directive('object-src'), what).toBe("object-src 'none'");
      expect(directive('frame-ancestors'), what).toBe("frame-ancestors 'none'");
      expect(directive('base-uri'), what).toBe("base-uri 'self'");
      expect(directive('form-action'), what).toBe("form-action 'self'");
      expect(csp, what).not.toMatch(/unsafe-eval/);
      expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), what).toBe('DENY');
      expect(res.headers.get('permissions-policy'), what).toBe(PERMISSIONS_POLICY);
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
      expect(res.headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
      expect(res.headers.get('cross-origin-resource-policy'), what).toBe('same-origin');
      expect(res.headers.get('x-powered-by'), what).toBeNull();
      expect(res.headers.get('set-cookie'), what).toBeNull();
      expect(res.headers.get('strict-transport-security'), `${what} over plain HTTP`).toBeNull();
    }
  });

  it('HEADERS-CACHE: every API answer is no-store (personal data); the app shell is revalidated and hashed assets are immutable', async () => {
    for (const [what, res] of await every()) {
      const cache = res.headers.get('cache-control');
      if (what.startsWith('/api/')) expect(cache, what).toBe('no-store');
      else if (what.startsWith('/assets/')) expect(cache, what).toBe('public, max-age=31536000, immutable');
      else expect(cache, what).toBe('no-cache');
    }
  });

  it('HEADERS-HSTS: sent over HTTPS, and behind a proxy only when TRUST_PROXY is set and X-Forwarded-Proto is https', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    for (const path of ['/', '/assets/index-abc123.js', '/api/v1/health']) {
      expect((await proxied.request(path, { headers: https })).headers.get('strict-transport-security'), path).toBe(STRICT_TRANSPORT_SECURITY);
      expect((await proxied.request(path, { headers: { 'x-forwarded-proto': 'http' } })).headers.get('strict-transport-security'), path).toBeNull();
      expect((await proxied.request(path)).headers.get('strict-transport-security'), path).toBeNull();
      // Without TRUST_PROXY the header is anybody's to forge: not believed.
      expect((await app.request(path, { headers: https })).headers.get('strict-transport-security'), path).toBeNull();
      expect((await app.request(`https://obecni.example.org${path}`)).headers.get('strict-transport-security'), path).toBe(STRICT_TRANSPORT_SECURITY);
    }
    expect(STRICT_TRANSPORT_SECURITY).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(STRICT_TRANSPORT_SECURITY)?.[1])).toBeGreaterThanOrEqual(31_536_000);
  });
});
