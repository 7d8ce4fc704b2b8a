/**
 * Serves the built PWA. Hashed files under /assets/ are cached for a year; everything else
 * (index.html, sw.js, the manifest, icons) must be revalidated, so a new release reaches the
 * tablets at their next visit. Unknown paths get index.html: the app's router takes over.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { failResponse } from './errors';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

/** The content type of a file name (application/octet-stream when unknown). */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

interface Found { path: string; size: number; mtimeMs: number }

async function findFile(path: string): Promise<Found | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? { path, size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null;
  }
}

/** Middleware serving GET/HEAD requests outside /api from `staticDir`. */
export function serveStaticPwa(staticDir: string): MiddlewareHandler {
  const root = resolve(staticDir);
  const indexPath = join(root, 'index.html');

  return async (c, next) => {
    const method = c.req.method;
    const urlPath = c.req.path;
    if ((method !== 'GET' && method !== 'HEAD') || urlPath === '/api' || urlPath.startsWith('/api/')) return next();

    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return failResponse(c, 'notFound');
    }
    const target = resolve(root, `.${decoded}`);
    const inside = target === root || target.startsWith(root + sep);
    let file = inside && !decoded.includes('\0') ? await findFile(target === root ? indexPath : target) : null;
    const isAsset = decoded.startsWith('/assets/');
    if (!file) {
      if (isAsset || !inside) return failResponse(c, 'notFound');
      file = await findFile(indexPath);
      if (!file) return next();
    }

    const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = {
      'Content-Type': contentTypeOf(file.path),
      'Cache-Control': isAsset && file.path !== indexPath ? IMMUTABLE : NO_CACHE,
      ETag: etag,
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    if (method === 'HEAD') return c.body(null, 200, { ...headers, 'Content-Length': String(file.size) });
    const body = await readFile(file.path);
    return c.body(new Uint8Array(body), 200, headers);
  };
}
