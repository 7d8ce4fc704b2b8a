/**
 * The accounts contract (src/server/store/account-store.ts), against any Store: finding accounts
 * and devices, the sign-in failure count and lock, account changes and the scope epoch, device
 * revocation, the directory. Straight through the store, without HTTP.
 */
import { describe, expect, it } from 'vitest';
import { T0, twoOrganizations } from './contract-store-fixture';
import type { OpenStore } from './contract-first-run';

export function accountsContract(open: OpenStore): void {
  describe('accounts contract', () => {
    const ctx = twoOrganizations(open);

    it('ACCOUNTS-FIND: an account is found by its login, with its roles, units and a zero failure count; an unknown login is null', async () => {
      const user = await ctx.store.accounts.findUserByLogin(ctx.w.therapist.login);
      expect(user).toMatchObject({ organizationId: ctx.w.org, id: ctx.w.therapist.id, roles: ['therapist'], unitIds: ['u1'], failedLogins: 0, lockedUntilMs: null, disabled: false, scopeEpoch: 0 });
      expect(await ctx.store.accounts.findUserByLogin('nobody')).toBeNull();
      expect((await ctx.store.accounts.listUsers(ctx.w.org)).map((u) => u.login)).toEqual([ctx.w.admin.login, ctx.w.therapist.login]);
    });

    it('ACCOUNTS-THROTTLE: sign-in attempts are reserved per key up to the free ones, then only after a doubling wait; a quiet window or a clear starts afresh', async () => {
      const policy = { free: 3, baseDelayMs: 1000, maxDelayMs: 60_000, windowMs: 600_000 };
      const reserve = (key: string, at: number) => ctx.store.accounts.reserveSignInAttempt(key, policy, at);
      for (let i = 0; i < 2; i++) expect(await reserve('k1', T0)).toEqual({ reserved: true });
      expect(await reserve('k1', T0)).toEqual({ reserved: true });
      expect(await reserve('k1', T0 + 999)).toEqual({ reserved: false, retryAtMs: T0 + 1000 });
      expect(await reserve('k2', T0)).toEqual({ reserved: true });
      expect(await reserve('k1', T0 + 1000)).toEqual({ reserved: true });
      expect(await reserve('k1', T0 + 2999)).toEqual({ reserved: false, retryAtMs: T0 + 3000 });
      expect(await reserve('k1', T0 + 3000)).toEqual({ reserved: true });
      expect(await reserve('k1', T0 + 3001)).toEqual({ reserved: false, retryAtMs: T0 + 7000 });
      await ctx.store.accounts.releaseSignInAttempt('k1', 'clear');
      for (let i = 0; i < 3; i++) expect(await reserve('k1', T0 + 3002)).toEqual({ reserved: true });
      expect((await reserve('k1', T0 + 3003)).reserved).toBe(false);
      expect(await reserve('k1', T0 + 3002 + 600_000)).toEqual({ reserved: true });
    });

    it('ACCOUNTS-THROTTLE-ATOMIC: of 40 attempts reserved at once on one key exactly the free ones get through; a given-back attempt can be reserved again', async () => {
      const policy = { free: 5, baseDelayMs: 60_000, maxDelayMs: 60_000, windowMs: 600_000 };
      const results = await Promise.all(Array.from({ length: 40 }, () => ctx.store.accounts.reserveSignInAttempt('burst', policy, T0)));
      expect(results.filter((r) => r.reserved)).toHaveLength(5);
      expect(results.filter((r) => !r.reserved)).toEqual(Array.from({ length: 35 }, () => ({ reserved: false, retryAtMs: T0 + 60_000 })));
      await ctx.store.accounts.releaseSignInAttempt('burst', 'giveBack');
      expect((await ctx.store.accounts.reserveSignInAttempt('burst', policy, T0 + 60_000)).reserved).toBe(true);
    });

    it('ACCOUNTS-UPDATE: a change of roles or units raises the scope epoch once; a name or the same units do not; an unknown account is false', async () => {
      expect(await ctx.store.accounts.updateUser(ctx.w.org, ctx.w.therapist.id, { unitIds: ['u1', 'u2'] })).toBe(true);
      expect((await ctx.store.accounts.findUserByLogin(ctx.w.therapist.login))?.scopeEpoch).toBe(1);
      expect(await ctx.store.accounts.updateUser(ctx.w.org, ctx.w.therapist.id, { unitIds: ['u1', 'u2'], displayName: 'Tomasz T.' })).toBe(true);
      expect(await ctx.store.accounts.findUserByLogin(ctx.w.therapist.login)).toMatchObject({ scopeEpoch: 1, displayName: 'Tomasz T.', unitIds: ['u1', 'u2'] });
      expect(await ctx.store.accounts.updateUser(ctx.w.org, ctx.w.therapist.id, {})).toBe(true);
      expect(await ctx.store.accounts.updateUser(ctx.w.org, 'nobody', {})).toBe(false);
      expect(await ctx.store.accounts.updateUser(ctx.other.org, ctx.w.therapist.id, { displayName: 'x' })).toBe(false);
    });

    it('ACCOUNTS-SESSION: a device is found by its token hash or its id within its organization, with its user', async () => {
      const byToken = await ctx.store.accounts.findSession(`${ctx.w.therapistDevice}-hash`);
      expect(byToken).toMatchObject({ organizationId: ctx.w.org, deviceId: ctx.w.therapistDevice, deviceName: 'Tablet pracownia', deviceScopeEpoch: -1, user: { id: ctx.w.therapist.id } });
      expect(await ctx.store.accounts.findSessionByDevice(ctx.w.org, ctx.w.therapistDevice)).toEqual(byToken);
      expect(await ctx.store.accounts.findSessionByDevice(ctx.other.org, ctx.w.therapistDevice)).toBeNull();
      expect(await ctx.store.accounts.findSession('unknown-hash')).toBeNull();
      await ctx.store.accounts.setDeviceScopeEpoch(ctx.w.org, ctx.w.therapistDevice, 1);
      expect((await ctx.store.accounts.findSession(`${ctx.w.therapistDevice}-hash`))?.deviceScopeEpoch).toBe(1);
    });

    it('ACCOUNTS-TOUCH: the last-seen time is written at most once a minute', async () => {
      await ctx.store.accounts.touchDevice(ctx.w.org, ctx.w.adminDevice, T0 + 30_000);
      expect((await ctx.store.accounts.findSession(`${ctx.w.adminDevice}-hash`))?.lastSeenAtMs).toBe(T0);
      await ctx.store.accounts.touchDevice(ctx.w.org, ctx.w.adminDevice, T0 + 61_000);
      expect((await ctx.store.accounts.findSession(`${ctx.w.adminDevice}-hash`))?.lastSeenAtMs).toBe(T0 + 61_000);
    });

    it('ACCOUNTS-REVOKE: a revoked device, or any device of a disabled account, is no longer found; the list keeps it, newest first', async () => {
      await ctx.store.accounts.revokeDevice(ctx.other.org, ctx.other.therapistDevice, T0 + 5);
      expect(await ctx.store.accounts.findSession(`${ctx.other.therapistDevice}-hash`)).toBeNull();
      expect(await ctx.store.accounts.deviceRefusal({ tokenHash: `${ctx.other.therapistDevice}-hash` })).toBe('deviceRevoked');
      expect(await ctx.store.accounts.deviceRefusal({ tokenHash: 'no-such-hash' })).toBeNull();
      await ctx.store.accounts.revokeDevice(ctx.other.org, ctx.other.therapistDevice, T0 + 9);
      const devices = await ctx.store.accounts.listDevices(ctx.other.org);
      expect(devices.map((d) => [d.id, d.revokedAtMs])).toEqual([[ctx.other.therapistDevice, T0 + 5], [ctx.other.adminDevice, null]]);
      expect(devices[0]).not.toHaveProperty('tokenHash');
      await ctx.store.accounts.updateUser(ctx.other.org, ctx.other.admin.id, { disabled: true });
      expect(await ctx.store.accounts.findSessionByDevice(ctx.other.org, ctx.other.adminDevice)).toBeNull();
      expect(await ctx.store.accounts.deviceRefusal({ organizationId: ctx.other.org, deviceId: ctx.other.adminDevice })).toBe('accountDisabled');
      expect(await ctx.store.accounts.deviceRefusal({ organizationId: ctx.w.org, deviceId: ctx.w.adminDevice })).toBeNull();
      expect(await ctx.store.accounts.findSession(`${ctx.w.adminDevice}-hash`)).not.toBeNull();
    });

    it('ACCOUNTS-DIRECTORY: names of the accounts and devices of one organization only', async () => {
      const d = await ctx.store.accounts.directory(ctx.w.org);
      expect(d.users.get(ctx.w.admin.id)).toBe('Anna Admin');
      expect(d.devices.get(ctx.w.therapistDevice)).toBe('Tablet pracownia');
      expect(d.users.has(ctx.other.admin.id)).toBe(false);
      expect(d.devices.size).toBe(2);
    });

    it('ACCOUNTS-LOGIN-UNIQUE: a second account with a taken login is refused and the transaction leaves nothing behind', async () => {
      await expect(ctx.store.write(ctx.w.org, async (tx) => {
        await tx.createUser({ ...ctx.w.admin, id: 'someone-new', login: 'fresh.login' });
        await tx.createUser({ ...ctx.w.admin, id: 'someone-else' });
      })).rejects.toThrow();
      expect(await ctx.store.accounts.findUserByLogin('fresh.login')).toBeNull();
    });
  });
}
