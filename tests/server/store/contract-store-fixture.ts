/**
 * The smallest world the store contract suites need, written straight through the store (no
 * HTTP, no password hashing): one organization with two accounts, each with a signed-in device.
 */
import { afterAll, beforeAll } from 'vitest';
import type { NewUser, Store } from '../../../src/server/store/store';
import type { OpenStore } from './contract-first-run';

export const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);

/** A stored password hash that no password matches (the suites never sign in through it). */
export const NO_PASSWORD = 'scrypt$2$1$1$AAAA$AAAAAAAAAAAAAAAAAAAAAA';

export interface StoreWorld { org: string; admin: NewUser; therapist: NewUser; adminDevice: string; therapistDevice: string }

/** Creates the organization `org` with an administrator and a therapist, each with a device (token hashes `<device id>-hash`). */
export async function seedWorld(store: Store, org = 'org-a', first = true): Promise<StoreWorld> {
  const admin: NewUser = { organizationId: org, id: `${org}-admin`, login: `${org}.admin`, displayName: 'Anna Admin', passwordHash: NO_PASSWORD, roles: ['administrator'], unitIds: ['u1'], createdAtMs: T0 };
  const therapist: NewUser = { ...admin, id: `${org}-ther`, login: `${org}.ther`, displayName: 'Tomasz Terapeuta', roles: ['therapist'], unitIds: ['u1'] };
  const world = { org, admin, therapist, adminDevice: `${org}-dev-admin`, therapistDevice: `${org}-dev-ther` };
  const fill = async (tx: Parameters<Parameters<Store['write']>[1]>[0]) => {
    await tx.createOrganization({ id: org, name: `MOPS ${org}`, createdAtMs: T0 });
    await tx.createUser(admin);
    await tx.createUser(therapist);
    await tx.createDevice({ organizationId: org, id: world.adminDevice, userId: admin.id, name: 'PC biuro', tokenHash: `${world.adminDevice}-hash`, createdAtMs: T0 });
    await tx.createDevice({ organizationId: org, id: world.therapistDevice, userId: therapist.id, name: 'Tablet pracownia', tokenHash: `${world.therapistDevice}-hash`, createdAtMs: T0 + 1 });
  };
  if (first) {
    const done = await store.initialize(async (tx) => { await fill(tx); return true; });
    if (!done) throw new Error('the store was not empty');
  } else {
    await store.write(org, fill);
  }
  return world;
}

/** For a describe block: a fresh store holding two organizations (`w` set up first, then `other`), closed afterwards. */
export function twoOrganizations(open: OpenStore): { store: Store; w: StoreWorld; other: StoreWorld } {
  const ctx = {} as { store: Store; w: StoreWorld; other: StoreWorld };
  beforeAll(async () => {
    ctx.store = await open();
    ctx.w = await seedWorld(ctx.store);
    ctx.other = await seedWorld(ctx.store, 'org-b', false);
  });
  afterAll(async () => { await ctx.store.close(); });
  return ctx;
}
