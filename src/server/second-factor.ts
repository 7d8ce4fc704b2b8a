/**
 * The optional second factor of sign-in (issue 14 item 9): TOTP (RFC 6238: HMAC-SHA1, 6 digits,
 * 30-second steps, as every authenticator app reads from an `otpauth://` URI), with `otpauth`, and
 * ten one-time recovery codes for a lost phone, stored as SHA-256 hashes (they are random, 50
 * bits each, so a fast hash suffices) and removed when used. A code is accepted one step early or
 * late (clock drift), and each step only once, so a code seen over a shoulder cannot be replayed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Store, UserRow } from './store/store';

const PERIOD = 30;
const ISSUER = 'Obecni';
/** Crockford-like base32 without look-alikes, for recovery codes read off paper. */
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

function totp(secret: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** A new random secret (160 bits, base32) and the `otpauth://` URI an authenticator app reads. */
export function newTotpSecret(login: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totp(secret, login).toString() };
}

/** The time step a 6-digit `code` is valid for now (±1 step), or null. */
export function totpStep(secret: string, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: nowMs, window: 1 });
  return delta === null ? null : Math.floor(nowMs / 1000 / PERIOD) + delta;
}

/** The stored form of a recovery code (spaces, dashes and case do not matter). */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[^a-z0-9]/g, '')).digest('hex');
}

/** Ten new recovery codes (`xxxxx-xxxxx`) to show once, and their hashes to store. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/**
 * Checks the second factor of a sign-in whose password was right: 'ok' for a current TOTP code
 * not used before or an unused recovery code (which is then used up), 'missing' when none was
 * given, 'wrong' otherwise.
 */
export async function checkSecondFactor(store: Store, user: UserRow, otp: string | undefined, nowMs: number): Promise<'ok' | 'missing' | 'wrong'> {
  if (!otp) return 'missing';
  const code = otp.replace(/\s/g, '');
  if (/^\d{6}$/.test(code)) {
    const step = user.totpSecret ? totpStep(user.totpSecret, code, nowMs) : null;
    return step !== null && (await store.accounts.useTotpStep(user.organizationId, user.id, step)) ? 'ok' : 'wrong';
  }
  return (await store.accounts.useRecoveryCode(user.organizationId, user.id, hashRecoveryCode(code))) ? 'ok' : 'wrong';
}
