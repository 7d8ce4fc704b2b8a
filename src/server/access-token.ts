/**
 * Short-lived access tokens. The device token stays the long-lived, revocable credential, but it
 * travels only to /auth/token (and sign-out); sync, history and admin calls carry an access token
 * that ends after `ttlSeconds` (15 minutes by default). A token is `at1.<payload>.<mac>`: the
 * payload (base64url JSON) names the organization, the device and the expiry, the MAC is
 * HMAC-SHA256 under the server's key. Nothing about the user is in it: roles and units are read
 * from the database on every request, and so is the device's revocation, which therefore takes
 * effect at the next request, not only at the next refresh.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as v from 'valibot';
import { IdSchema } from '../domain';

const PREFIX = 'at1.';

const PayloadSchema = v.object({ o: IdSchema, d: IdSchema, e: v.pipe(v.number(), v.integer(), v.minValue(0)) });

/** What a valid access token says: whose device it is. */
export interface AccessClaims { organizationId: string; deviceId: string }

export interface AccessTokens {
  /** A token for the device, valid for the configured time from `nowMs`. */
  issue(claims: AccessClaims, nowMs: number): { accessToken: string; expiresInSeconds: number };
  /** The claims of a genuine token; 'expired' when genuine but past its time; null when not ours. */
  verify(token: string, nowMs: number): AccessClaims | 'expired' | null;
}

/** True when `token` has the shape of an access token (so it is not a device token). */
export function looksLikeAccessToken(token: string): boolean {
  return token.startsWith(PREFIX);
}

/** Access tokens signed with `secret` (a random key when null), valid for `ttlSeconds`. */
export function createAccessTokens(secret: string | null, ttlSeconds: number): AccessTokens {
  const key = secret === null ? randomBytes(32) : Buffer.from(secret, 'utf8');
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    issue(claims, nowMs) {
      const payload = Buffer.from(JSON.stringify({ o: claims.organizationId, d: claims.deviceId, e: nowMs + ttlSeconds * 1000 })).toString('base64url');
      return { accessToken: `${PREFIX}${payload}.${mac(payload).toString('base64url')}`, expiresInSeconds: ttlSeconds };
    },
    verify(token, nowMs) {
      if (!token.startsWith(PREFIX)) return null;
      const [payload, signature, ...rest] = token.slice(PREFIX.length).split('.');
      if (!payload || !signature || rest.length > 0) return null;
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      const claims = v.safeParse(PayloadSchema, parsed);
      if (!claims.success) return null;
      if (claims.output.e <= nowMs) return 'expired';
      return { organizationId: claims.output.o, deviceId: claims.output.d };
    },
  };
}
