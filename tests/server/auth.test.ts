/** Password hashing and device tokens. */
import { describe, expect, it } from 'vitest';
import { hashPassword, hashToken, newDeviceToken, verifyPassword } from '../../src/server/auth';

describe('passwords and tokens', () => {
  it('AUTH-HASH: a password is stored as salted scrypt with its parameters and verifies only itself', async () => {
    const a = await hashPassword('zażółć-gęślą-jaźń');
    const b = await hashPassword('zażółć-gęślą-jaźń');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('zażółć');
    expect(await verifyPassword('zażółć-gęślą-jaźń', a)).toBe(true);
    expect(await verifyPassword('zażółć-gęślą-jazn', a)).toBe(false);
    expect(await verifyPassword('x', 'plain-text-password')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA')).toBe(false);
  });

  it('AUTH-TOKEN: device tokens are 32 random bytes and only their SHA-256 is kept', () => {
    const token = newDeviceToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newDeviceToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token);
  });
});
