/**
 * Compressed request bodies. A device may send its push body gzip-compressed
 * (`Content-Encoding: gzip`); the body limit then applies twice: to the bytes received (the
 * plain body limit before this middleware) and to the decompressed bytes, which are inflated at
 * most up to MAX_BODY_BYTES, so a small "zip bomb" is refused with 413 payloadTooLarge without
 * ever being inflated in full. A body that is not valid gzip is 400 invalidRequest; any other
 * content encoding is refused too (400, `unsupportedEncoding`).
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { HttpFailure } from './errors';

const gunzipAsync = promisify(gunzip);

/** Decompresses gzip request bodies in place, refusing any whose decompressed size passes `maxBytes`. */
export function decodeRequestBody(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
    if (!encoding || encoding === 'identity') return next();
    if (encoding !== 'gzip') throw new HttpFailure('invalidRequest', [{ path: 'content-encoding', code: 'unsupportedEncoding' }]);
    const compressed = Buffer.from(await c.req.raw.arrayBuffer());
    let body: Buffer;
    try {
      // maxOutputLength stops inflating at the limit: memory stays bounded whatever the ratio.
      body = await gunzipAsync(compressed, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw new HttpFailure('payloadTooLarge');
      throw new HttpFailure('invalidRequest', [{ path: 'content-encoding', code: 'invalidGzip' }]);
    }
    const headers = new Headers(c.req.raw.headers);
    headers.delete('content-encoding');
    headers.set('content-length', String(body.length));
    c.req.raw = new Request(c.req.raw.url, { method: c.req.raw.method, headers, body: new Uint8Array(body) });
    await next();
  };
}
