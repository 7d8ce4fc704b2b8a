/**
 * Loads the invented demo centre (Zielony Dół) into an empty server: its thousands of records
 * go in with a few bulk statements in one transaction, each with its history row, and the demo
 * accounts get real password hashes. Used by POST /api/v1/setup/demo and `npm run demo`.
 */
import { DEMO_PASSWORD, dayInTimeZone, generateDemoCentre, validateRecord, type DemoOptions } from '../../domain';
import type { SessionInfo } from '../../protocol';
import { createSession, hashPassword } from '../auth';
import type { ImportRecord, Store } from '../store/store';

/** The seed of the demo everybody sees (the same centre on every server). */
export const DEMO_SEED = 2026;
export const DEMO_TIME_ZONE = 'Europe/Warsaw';
/** The device id recorded in the history of imported records. */
export const DEMO_DEVICE = 'demo';

export interface DemoLoadOptions {
  nowMs: number;
  seed?: number;
  /** A bigger (or smaller) centre for benchmarks: participants per unit and months of history. */
  size?: Pick<DemoOptions, 'wtzParticipants' | 'seniorParticipants' | 'childrenParticipants' | 'historyMonths'>;
  /** Signs this login in on a new device named `deviceName` in the same transaction. */
  signIn?: { login: string; deviceName: string };
}

export interface DemoLoadResult {
  organizationId: string;
  records: number;
  accounts: { login: string; displayName: string; role: string }[];
  password: string;
  session: SessionInfo | null;
}

/** Loads the demo centre when the server is empty; null when an organization already exists. */
export async function loadDemo(store: Store, opts: DemoLoadOptions): Promise<DemoLoadResult | null> {
  if (await store.isInitialized()) return null;
  const centre = generateDemoCentre({ ...opts.size, seed: opts.seed ?? DEMO_SEED, today: dayInTimeZone(opts.nowMs, DEMO_TIME_ZONE), nowMs: opts.nowMs });
  const organizationId = centre.organization.id;

  const records: ImportRecord[] = centre.records.map(({ entity, data }) => {
    const checked = validateRecord(entity, data);
    if (!checked.ok) throw new Error(`demo record of ${entity} is invalid: ${checked.issues.map((i) => `${i.path}:${i.code}`).join(',')}`);
    return { entity, id: data.id, data: checked.value as unknown as Record<string, unknown>, hlc: data.hlc, deleted: data.deleted };
  });
  const hashes = await Promise.all(centre.accounts.map((a) => hashPassword(a.password)));
  const author = centre.accounts.find((a) => a.role === 'administrator') ?? centre.accounts[0];
  if (!author) throw new Error('the demo centre has no accounts');

  return store.initialize(async (tx) => {
    await tx.createOrganization({ id: organizationId, name: centre.organization.name, createdAtMs: opts.nowMs });
    for (const [i, a] of centre.accounts.entries()) {
      await tx.createUser({
        organizationId, id: a.id, login: a.login, displayName: a.displayName, passwordHash: hashes[i]!, roles: [a.role], unitIds: a.unitIds, createdAtMs: opts.nowMs,
      });
    }
    const count = await tx.importRecords(organizationId, records, { userId: author.id, deviceId: DEMO_DEVICE, receivedAtMs: opts.nowMs });
    let session: SessionInfo | null = null;
    const signIn = opts.signIn;
    const account = signIn ? centre.accounts.find((a) => a.login === signIn.login) : undefined;
    if (signIn && account) {
      session = await createSession(tx, { organizationId, id: account.id, login: account.login, displayName: account.displayName, roles: [account.role], unitIds: account.unitIds }, signIn.deviceName, opts.nowMs);
    }
    await tx.audit(organizationId, { atMs: opts.nowMs, userId: author.id, deviceId: session?.deviceId ?? null, action: 'demoLoad', details: { records: count, seed: opts.seed ?? DEMO_SEED } });
    return {
      organizationId,
      records: count,
      accounts: centre.accounts.map((a) => ({ login: a.login, displayName: a.displayName, role: a.role })),
      password: DEMO_PASSWORD,
      session,
    };
  });
}
