/**
 * Accounts and devices. Passwords are stored as scrypt hashes (the parameters travel with the
 * hash, so they can be raised later); a device signs in once and then carries a random bearer
 * token, of which the server keeps only the SHA-256 hash. A stolen database yields no tokens.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { uuidv7 } from 'uuidv7';
import type { SessionInfo } from '../protocol';
import { looksLikeAccessToken, type AccessTokens } from './access-token';
import { HttpFailure } from './http/errors';
import { createInFlightLimiter } from './http/rate-limit';
import type { AppEnv, AuthContext } from './http/context';
import type { SessionRow, Store, StoreTx, UserRow } from './store/store';

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };
/** The most any stored hash may ask for (guards against a crafted hash exhausting memory). */
const MAX_N = 2 ** 17;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const maxmem = (N: number, r: number) => 256 * N * r;

/** Hashes a password: `scrypt$N$r$p$salt$hash` (base64url), with a random 16-byte salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = SCRYPT;
  const key = await scryptAsync(password, salt, keyLength, { N, r, p, maxmem: maxmem(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches the stored hash (compared in constant time). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every(Number.isInteger) || N < 2 || N > MAX_N || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (expected.length < 16) return false;
  const actual = await scryptAsync(password, salt, expected.length, { N, r, p, maxmem: maxmem(N, r) });
  return timingSafeEqual(actual, expected);
}

/** A hash to check unknown logins against, so that they take as long as wrong passwords. */
let dummyHash: Promise<string> | null = null;
/** Spends the time of one password check (for a login that does not exist). */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(12).toString('base64url'));
  await verifyPassword(password, await dummyHash);
}

/** A new device token: 32 random bytes, base64url. Shown to the device once, never stored. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a device token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a device for `user` inside `tx` and returns what the device needs to know. */
export async function createSession(tx: StoreTx, user: Pick<UserRow, 'organizationId' | 'id' | 'login' | 'displayName' | 'roles' | 'unitIds'>, deviceName: string, nowMs: number): Promise<SessionInfo> {
  const deviceId = uuidv7();
  const deviceToken = newDeviceToken();
  await tx.createDevice({ organizationId: user.organizationId, id: deviceId, userId: user.id, name: deviceName || 'Urządzenie', tokenHash: hashToken(deviceToken), createdAtMs: nowMs });
  return {
    deviceId,
    deviceToken,
    user: { id: user.id, displayName: user.displayName, login: user.login, roles: [...user.roles], unitIds: [...user.unitIds], organizationId: user.organizationId },
    serverTimeMs: nowMs,
  };
}

/** How long a device's sign-in lasts: since its last contact, and since it signed in. */
export interface SignInLimits { idleDays: number; maxAgeDays: number }

const DAY_MS = 86_400_000;

/**
 * Why the device's sign-in has ended, or null while it lasts: idle longer than `idleDays` (from its
 * last contact, or its sign-in if it never came back), older than `maxAgeDays`, or signed out by a
 * password change. Such a device is refused 401 sessionExpired: unlike a revoked one it keeps its
 * data and unsent changes and asks for the password again.
 */
export function signInEnded(session: Pick<SessionRow, 'deviceCreatedAtMs' | 'lastSeenAtMs' | 'signedOutAtMs'>, nowMs: number, limits: SignInLimits): 'idle' | 'maxAge' | 'signedOut' | null {
  if (session.signedOutAtMs !== null) return 'signedOut';
  if (nowMs - session.deviceCreatedAtMs > limits.maxAgeDays * DAY_MS) return 'maxAge';
  if (nowMs - (session.lastSeenAtMs ?? session.deviceCreatedAtMs) > limits.idleDays * DAY_MS) return 'idle';
  return null;
}

const BEARER = /^Bearer ([A-Za-z0-9_.-]{20,400})$/;

function bearer(header: string | undefined): string | null {
  return BEARER.exec(header ?? '')?.[1] ?? null;
}

function authContext(session: SessionRow): AuthContext {
  const { user } = session;
  return {
    organizationId: session.organizationId, userId: user.id, deviceId: session.deviceId,
    login: user.login, displayName: user.displayName, roles: user.roles, unitIds: user.unitIds,
    scopeEpoch: user.scopeEpoch, deviceScopeEpoch: session.deviceScopeEpoch,
  };
}

/**
 * Middleware of the calls that carry the device token itself (getting an access token, signing
 * out, the session): resolves `Authorization: Bearer <device token>` to the caller, or refuses
 * with 401: `deviceRevoked` or `accountDisabled` for a known device (the device then wipes its
 * data, issue 14.5), `unauthorized` for an unknown token or an access token.
 */
export function requireDevice(store: Store, clock: () => number, limits: SignInLimits): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    if (!token || looksLikeAccessToken(token)) throw new HttpFailure('unauthorized');
    const session = await store.accounts.findSession(hashToken(token));
    if (!session) throw new HttpFailure((await store.accounts.deviceRefusal({ tokenHash: hashToken(token) })) ?? 'unauthorized');
    if (signInEnded(session, clock(), limits)) throw new HttpFailure('sessionExpired');
    c.set('auth', authContext(session));
    await store.accounts.touchDevice(session.organizationId, session.deviceId, clock());
    await next();
  };
}

/**
 * Calls one device may have in flight at once; more are refused 429 with Retry-After (issue 14,
 * item 7). The app makes one sync call at a time, plus at most an admin list, the export log or a
 * history look-up beside it: 4 leaves room for that and for a second tab.
 */
export const DEVICE_MAX_IN_FLIGHT = 4;
/** The Retry-After of a request refused because its device has too many in flight. */
export const DEVICE_BUSY_RETRY_MS = 2000;

/**
 * Middleware of sync, history and admin calls: resolves `Authorization: Bearer <access token>`.
 * An expired token is 401 tokenExpired (the device fetches a new one with its device token); a
 * device token or a forged token is 401 unauthorized, a revoked device 401 deviceRevoked and a
 * disabled account 401 accountDisabled. The
 * device and its user are read from the database on every call, so a revocation or a change of
 * roles applies at once. A device with DEVICE_MAX_IN_FLIGHT calls in flight is refused 429
 * rateLimited (Retry-After) before any database work, so one device's flood of pushes cannot
 * queue up the database for everyone else; the sync engine waits and retries.
 */
export function requireAccess(store: Store, clock: () => number, tokens: AccessTokens, limits: SignInLimits, maxInFlight = DEVICE_MAX_IN_FLIGHT): MiddlewareHandler<AppEnv> {
  const inFlight = createInFlightLimiter(maxInFlight);
  return async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    if (!token) throw new HttpFailure('unauthorized');
    const claims = tokens.verify(token, clock());
    if (claims === 'expired') throw new HttpFailure('tokenExpired');
    if (!claims) throw new HttpFailure('unauthorized');
    const release = inFlight.enter(`${claims.organizationId}/${claims.deviceId}`);
    if (!release) throw new HttpFailure('rateLimited').retryAfter(DEVICE_BUSY_RETRY_MS);
    try {
      const session = await store.accounts.findSessionByDevice(claims.organizationId, claims.deviceId);
      if (!session) throw new HttpFailure((await store.accounts.deviceRefusal(claims)) ?? 'unauthorized');
      // An access token lives minutes; the sign-in behind it may have ended meanwhile.
      if (signInEnded(session, clock(), limits)) throw new HttpFailure('sessionExpired');
      c.set('auth', authContext(session));
      await store.accounts.touchDevice(session.organizationId, session.deviceId, clock());
      await next();
    } finally {
      release();
    }
  };
}
