/**
 * The caller's address and an in-memory count of requests in flight per key (sign-ins per login
 * and per address, requests per device): a key over its limit is refused at once instead of
 * queueing work. Addresses are kept in memory only, never logged. Behind a reverse proxy
 * (TRUST_PROXY) the address is the first one of X-Forwarded-For.
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

/** Counts requests in flight per key; `enter` refuses (null) once a key holds `max` of them. */
export interface InFlightLimiter {
  /** A release function when there is room for one more under `key`; null when it is full. */
  enter(key: string): (() => void) | null;
  /** Requests in flight under `key` now. */
  count(key: string): number;
}

/** At most `max` requests in flight per key; a key with none in flight takes no memory. */
export function createInFlightLimiter(max: number): InFlightLimiter {
  const inFlight = new Map<string, number>();
  return {
    enter(key) {
      const n = inFlight.get(key) ?? 0;
      if (n >= max) return null;
      inFlight.set(key, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (inFlight.get(key) ?? 1) - 1;
        if (left <= 0) inFlight.delete(key);
        else inFlight.set(key, left);
      };
    },
    count: (key) => inFlight.get(key) ?? 0,
  };
}
