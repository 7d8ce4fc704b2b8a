/**
 * COMPRESS (issue 4): pull answers are gzip-compressed for a client that accepts it; push bodies
 * may come gzip-compressed, with the body limit enforced on the decompressed size (a "zip bomb" is
 * refused with 413 payloadTooLarge), broken gzip and other encodings refused with 400; the
 * client's HTTP transport sends its push bodies compressed and the server stores them.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { HttpTransport } from '../../../src/client/sync/transport';
import { MAX_BODY_BYTES, PROTOCOL_VERSION, type AccessTokenResponse, type ApiError, type PullResponse, type PushResponse, type SessionInfo } from '../../../src/protocol';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { call, hlc, mutation, pullAll, roomPatch, setUp, testApp, type TestApp } from '../helpers';

let store: Store;
let app: TestApp;
let admin: SessionInfo;
let access: string;

/** A push with a raw body and headers, carrying a fresh access token. */
async function rawPush(data: Uint8Array | string, headers: Record<string, string>): Promise<{ status: number; body: PushResponse & ApiError }> {
  const body = typeof data === 'string' ? data : new Uint8Array(data).buffer;
  const res = await app.request('/api/v1/sync/push', {
    method: 'POST', body, headers: { authorization: `Bearer ${access}`, 'content-type': 'application/json', ...headers },
  });
  return { status: res.status, body: (await res.json()) as PushResponse & ApiError };
}

const pushBody = (mutations: unknown[]) => JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: admin.deviceId, mutations });

beforeAll(async () => {
  store = await openMemoryStore();
  await store.migrate();
  ({ app } = testApp(store));
  admin = await setUp(app);
  access = (await call<AccessTokenResponse>(app, 'POST', '/api/v1/auth/token', { token: admin.deviceToken })).body.accessToken;
});
afterAll(async () => { await store.close(); });

describe('COMPRESS: compressed pulls and pushes', () => {
  it('COMPRESS-PULL: a pull is answered gzip-compressed when the client accepts gzip, and plain otherwise', async () => {
    const url = `/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}`;
    const gz = await app.request(url, { headers: { authorization: `Bearer ${access}`, 'accept-encoding': 'gzip' } });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const unpacked = JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')) as PullResponse;
    const plain = await app.request(url, { headers: { authorization: `Bearer ${access}` } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    // The same answer either way, but for the server's time of each answer.
    const { serverTimeMs: _gzTime, ...gzRest } = unpacked;
    const { serverTimeMs: _plainTime, ...plainRest } = (await plain.json()) as PullResponse;
    expect(gzRest).toEqual(plainRest);
    expect(unpacked.changes.length).toBeGreaterThan(0);
  });

  it('COMPRESS-PUSH: a gzip-encoded push is decompressed and stored like a plain one', async () => {
    const id = uuidv7();
    const res = await rawPush(gzipSync(pushBody([mutation('rooms', id, roomPatch(admin.user.unitIds[0]!), hlc(Date.UTC(2026, 2, 2)))])), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toHaveLength(1);
    expect((await pullAll(app, admin)).map((c) => c.recordId)).toContain(id);
  });

  it('COMPRESS-BOMB: a small gzip body that inflates past the limit is refused with 413 payloadTooLarge', async () => {
    // About 4 KiB on the wire, more than 4 MiB once inflated.
    const bomb = gzipSync(`{"protocolVersion":${PROTOCOL_VERSION},"pad":"${' '.repeat(MAX_BODY_BYTES)}"}`, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await rawPush(bomb, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('payloadTooLarge');
    // Just under the limit once inflated is fine (and then judged by the push schema).
    const fits = gzipSync(pushBody([]));
    expect((await rawPush(fits, { 'content-encoding': 'gzip' })).status).toBe(200);
  });

  it('COMPRESS-INVALID: a body that is not gzip, and an encoding the server does not take, are 400 invalidRequest', async () => {
    const broken = await rawPush(new TextEncoder().encode(pushBody([])), { 'content-encoding': 'gzip' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ error: 'invalidRequest', issues: [{ path: 'content-encoding', code: 'invalidGzip' }] });
    const brotli = await rawPush(pushBody([]), { 'content-encoding': 'br' });
    expect(brotli.status).toBe(400);
    expect(brotli.body).toMatchObject({ error: 'invalidRequest', issues: [{ path: 'content-encoding', code: 'unsupportedEncoding' }] });
  });

  it('COMPRESS-CLIENT: the HTTP transport sends push bodies gzip-compressed (CompressionStream) and the server stores them', async () => {
    const seen: { encoding: string | null; bytes: number }[] = [];
    const transport = new HttpTransport('http://obecni.test', async (input, init) => {
      if (input.includes('/sync/push')) {
        const body = init?.body as ArrayBuffer;
        seen.push({ encoding: new Headers(init?.headers).get('content-encoding'), bytes: body.byteLength });
      }
      return app.request(input, init);
    });
    const ids = Array.from({ length: 50 }, () => uuidv7());
    const mutations = ids.map((id, i) => mutation('rooms', id, roomPatch(admin.user.unitIds[0]!, `Sala numer ${i}`), hlc(Date.UTC(2026, 2, 3), 'dev-b', i)));
    const res = await transport.push(admin.deviceToken, { protocolVersion: PROTOCOL_VERSION, deviceId: admin.deviceId, mutations });
    expect(res.accepted).toHaveLength(50);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.encoding).toBe('gzip');
    expect(seen[0]!.bytes).toBeLessThan(pushBody(mutations).length / 2);
    const pulled = new Set((await pullAll(app, admin)).map((c) => c.recordId));
    expect(ids.every((id) => pulled.has(id))).toBe(true);
  });
});
