/**
 * Sign-in throttling (issue 14, items 1 and 10). Every attempt is reserved in the store before
 * its password is checked (one atomic statement, shared by every server process), under two keys:
 * the login with the caller's address, and the address alone. A key gets a few attempts at once
 * and is then slowed down (waits that double, up to 15 minutes), never locked: someone guessing
 * the administrator's password from one address slows down only that address for that login, and
 * the administrator signs in from their own at once. Unknown logins take exactly the same path
 * (the password is checked against a dummy hash), so neither the answer nor its timing tells
 * which logins exist. On top, in-memory caps on checks in flight per login, per address and in all
 * keep a burst of parallel attempts from queueing scrypt work that stalls the server (item 7).
 */
import { createHash } from 'node:crypto';
import { HttpFailure } from './http/errors';
import { createInFlightLimiter } from './http/rate-limit';
import type { AccountStore, SignInPolicy } from './store/account-store';

/** Attempts per login-and-address before the slow-down: 5, then waits of 1 s, 2 s, 4 s… up to 15 min. */
export const LOGIN_POLICY: SignInPolicy = { free: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, windowMs: 15 * 60_000 };
/** Failed attempts per address (across every login, known or not) before the slow-down. */
export const ADDRESS_POLICY: SignInPolicy = { free: 50, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, windowMs: 15 * 60_000 };
/** Password checks in flight at once: per login, per address, and in all (scrypt takes ~32 MiB and ~100 ms each). */
export const IN_FLIGHT = { perLogin: 2, perAddress: 4, total: 8 };
/** The Retry-After of an attempt refused because too many are in flight. */
const BUSY_RETRY_MS = 1000;

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');

/** A reserved attempt: `succeeded` after the right password, `end` always (in a finally). */
export interface SignInAttempt {
  succeeded(): Promise<void>;
  end(): void;
}

export interface LoginThrottle {
  /** Reserves an attempt of `login` from `address`, or throws 429 rateLimited with Retry-After. */
  begin(login: string, address: string, nowMs: number): Promise<SignInAttempt>;
}

export function createLoginThrottle(accounts: AccountStore): LoginThrottle {
  const perLogin = createInFlightLimiter(IN_FLIGHT.perLogin);
  const perAddress = createInFlightLimiter(IN_FLIGHT.perAddress);
  const total = createInFlightLimiter(IN_FLIGHT.total);
  return {
    async begin(login, address, nowMs) {
      // Reserved synchronously, before any await: parallel requests see each other's reservation.
      const releases = [perLogin.enter(login), perAddress.enter(address), total.enter('')];
      const end = () => { for (const release of releases) release?.(); };
      if (releases.includes(null)) {
        end();
        throw new HttpFailure('rateLimited').retryAfter(BUSY_RETRY_MS);
      }
      try {
        const loginKey = `la:${hash(login, address)}`;
        const addressKey = `a:${hash(address)}`;
        const byAddress = await accounts.reserveSignInAttempt(addressKey, ADDRESS_POLICY, nowMs);
        if (!byAddress.reserved) throw new HttpFailure('rateLimited').retryAfter(byAddress.retryAtMs - nowMs);
        const byLogin = await accounts.reserveSignInAttempt(loginKey, LOGIN_POLICY, nowMs);
        if (!byLogin.reserved) {
          await accounts.releaseSignInAttempt(addressKey, 'giveBack');
          throw new HttpFailure('rateLimited').retryAfter(byLogin.retryAtMs - nowMs);
        }
        return {
          async succeeded() {
            // The right password: this login from this address starts afresh, and a success
            // does not use up the address's allowance (staff behind one office router).
            await accounts.releaseSignInAttempt(loginKey, 'clear');
            await accounts.releaseSignInAttempt(addressKey, 'giveBack');
          },
          end,
        };
      } catch (error) {
        end();
        throw error;
      }
    },
  };
}
