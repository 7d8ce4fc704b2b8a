/**
 * Cross-cutting middleware: security headers on every answer, one log line per request (route
 * pattern, status and time only), and the protocol-version gate of the API.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { MIN_PROTOCOL_VERSION, ProtocolHeader } from '../../protocol';
import type { Logger } from '../logger';
import { HttpFailure } from './errors';

/** The Content-Security-Policy: scripts only from our origin, never inline. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; worker-src 'self'; manifest-src 'self'";

/** Browser features the app never uses, denied to it and to anything that might be injected into it. */
export const PERMISSIONS_POLICY =
  'accelerometer=(), bluetooth=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), ' +
  'microphone=(), midi=(), payment=(), serial=(), usb=(), browsing-topics=()';

/** One year, without includeSubDomains: other hosts of the office's domain may still be plain HTTP. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/** True when the client reached us over HTTPS: directly, or through a trusted reverse proxy saying so. */
export function cameOverHttps(url: string, forwardedProto: string | undefined, trustProxy: boolean): boolean {
  if (url.startsWith('https:')) return true;
  return trustProxy && forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * Security headers on every response, the API's errors and the static files alike. HSTS only on
 * answers that went out over HTTPS (behind a proxy: with TRUST_PROXY and X-Forwarded-Proto), so a
 * plain-HTTP test install on the LAN is never pinned to HTTPS by a browser.
 */
export function securityHeaders(opts: { trustProxy: boolean } = { trustProxy: false }): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"], fontSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"],
      frameAncestors: ["'none'"], workerSrc: ["'self'"], manifestSrc: ["'self'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    xContentTypeOptions: 'nosniff',
    strictTransportSecurity: false,
    permissionsPolicy: {
      accelerometer: [], bluetooth: [], camera: [], displayCapture: [], geolocation: [], gyroscope: [], hid: [], magnetometer: [],
      microphone: [], midi: [], payment: [], serial: [], usb: [], browsingTopics: [],
    },
  });
  return async (c, next) => {
    await headers(c, next);
    if (cameOverHttps(c.req.url, c.req.header('x-forwarded-proto'), opts.trustProxy)) c.res.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  };
}

/** One JSON line per request: method, matched route pattern (never the raw URL or its query), status, milliseconds. */
export function requestLog(logger: Logger, clock: () => number): MiddlewareHandler {
  return async (c, next) => {
    const start = clock();
    await next();
    const status = c.res.status;
    const fields = { method: c.req.method, route: routePath(c), status, ms: clock() - start };
    if (status >= 500) logger.error('request', fields);
    else logger.info('request', fields);
  };
}

/** Parses a protocol version (header or query); undefined when absent; throws invalidRequest when malformed. */
export function parseProtocolVersion(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,6}$/.test(raw.trim())) throw new HttpFailure('invalidRequest', [{ path: 'protocolVersion', code: 'invalidProtocolVersion' }]);
  return Number(raw.trim());
}

/** Refuses API calls announcing a protocol older than the server accepts (426 clientTooOld); marks API answers uncacheable. */
export function apiGate(): MiddlewareHandler {
  return async (c, next) => {
    // Set first, so refusals of this gate carry it too; set again after, for handlers that build their own Response.
    c.header('Cache-Control', 'no-store');
    const versions = [parseProtocolVersion(c.req.header(ProtocolHeader)), parseProtocolVersion(c.req.query('protocolVersion'))];
    if (versions.some((version) => version !== undefined && version < MIN_PROTOCOL_VERSION)) throw new HttpFailure('clientTooOld');
    await next();
    c.header('Cache-Control', 'no-store');
  };
}
