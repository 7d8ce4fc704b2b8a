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
export function requireDevice(store: Store, clock: () => number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    if (!token || looksLikeAccessToken(token)) throw new HttpFailure('unauthorized');
    const session = await store.accounts.findSession(hashToken(token));
    if (!session) throw new HttpFailure((await store.accounts.deviceRefusal({ tokenHash: hashToken(token) })) ?? 'unauthorized');
    c.set('auth', authContext(session));
    await store.accounts.touchDevice(session.organizationId, session.deviceId, clock());
    await next();
  };
}

/**
 * Middleware of sync, history and admin calls: resolves `Authorization: Bearer <access token>`.
 * An expired token is 401 tokenExpired (the device fetches a new one with its device token); a
 * device token or a forged token is 401 unauthorized, a revoked device 401 deviceRevoked and a
 * disabled account 401 accountDisabled. The
 * device and its user are read from the database on every call, so a revocation or a change of
 * roles applies at once.
 */
export function requireAccess(store: Store, clock: () => number, tokens: AccessTokens): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    if (!token) throw new HttpFailure('unauthorized');
    const claims = tokens.verify(token, clock());
    if (claims === 'expired') throw new HttpFailure('tokenExpired');
    if (!claims) throw new HttpFailure('unauthorized');
    const session = await store.accounts.findSessionByDevice(claims.organizationId, claims.deviceId);
    if (!session) throw new HttpFailure((await store.accounts.deviceRefusal(claims)) ?? 'unauthorized');
    c.set('auth', authContext(session));
    await store.accounts.touchDevice(session.organizationId, session.deviceId, clock());
    await next();
  };
}
