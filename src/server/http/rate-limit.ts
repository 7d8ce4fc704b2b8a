/**
 * A small in-memory limiter of failed sign-ins per client address. Account lockout protects
 * each known login; this also slows down guessing across many (or unknown) logins. Addresses
 * are kept in memory only, never logged. Behind a reverse proxy (TRUST_PROXY) the address is
 * the first one of X-Forwarded-For.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The caller's address, or 'unknown' when there is no socket (requests made in-process). */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export interface FailureLimiter {
  /** True when `key` has used up its failures in the current window. */
  blocked(key: string, nowMs: number): boolean;
  fail(key: string, nowMs: number): void;
}

/** Allows `max` failures per key per `windowMs`; forgets keys whose window has passed. */
export function createFailureLimiter(max: number, windowMs: number, maxKeys = 10_000): FailureLimiter {
  const entries = new Map<string, { count: number; since: number }>();
  const current = (key: string, nowMs: number) => {
    const e = entries.get(key);
    if (e && nowMs - e.since >= windowMs) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };
  return {
    blocked: (key, nowMs) => (current(key, nowMs)?.count ?? 0) >= max,
    fail(key, nowMs) {
      const e = current(key, nowMs);
      if (e) {
        e.count += 1;
        return;
      }
      if (entries.size >= maxKeys) {
        for (const [k, v] of entries) if (nowMs - v.since >= windowMs) entries.delete(k);
        if (entries.size >= maxKeys) entries.delete(entries.keys().next().value as string);
      }
      entries.set(key, { count: 1, since: nowMs });
    },
  };
}
