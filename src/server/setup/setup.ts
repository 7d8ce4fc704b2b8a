/**
 * First-run setup: creates the organization, its first unit, the administrator's account and
 * staff record, and signs the calling browser in. The records are written as ordinary sync
 * mutations (history and sequence numbers included), so every device pulls them like any change.
 */
import { uuidv7 } from 'uuidv7';
import { formatHlc } from '../../domain';
import type { Mutation, SessionInfo, SetupRequest } from '../../protocol';
import { createSession, hashPassword } from '../auth';
import type { Store } from '../store/store';
import { applyMutations, type Writer } from '../sync/push';
import { initialUnitFields, splitName } from './initial-unit';

/** The device id recorded in the history of changes the server makes itself. */
export const SERVER_DEVICE = 'server';

/** Runs the setup when the server is empty; null when an organization already exists. */
export async function performSetup(store: Store, req: SetupRequest, opts: { nowMs: number; deviceName: string }): Promise<SessionInfo | null> {
  if (await store.isInitialized()) return null;
  const passwordHash = await hashPassword(req.password);
  const organizationId = uuidv7();
  const unitId = uuidv7();
  const adminId = uuidv7();
  const hlc = formatHlc({ wall: opts.nowMs, counter: 0, device: SERVER_DEVICE });
  const { firstName, lastName } = splitName(req.adminName);
  const mutation = (entity: Mutation['entity'], recordId: string, patch: Record<string, unknown>): Mutation =>
    ({ mutationId: uuidv7(), entity, recordId, hlc, patch, deleted: false });

  return store.initialize(async (tx) => {
    await tx.createOrganization({ id: organizationId, name: req.organizationName, createdAtMs: opts.nowMs });
    const admin = { organizationId, id: adminId, login: req.login, displayName: req.adminName, roles: ['administrator'], unitIds: [unitId] };
    await tx.createUser({ ...admin, passwordHash, createdAtMs: opts.nowMs });
    const writer: Writer = { organizationId, userId: adminId, deviceId: SERVER_DEVICE, roles: admin.roles, unitIds: admin.unitIds };
    const result = await applyMutations(tx, writer, [
      mutation('organizations', organizationId, { name: req.organizationName, city: req.city }),
      mutation('units', unitId, { name: req.unitName, ...initialUnitFields(req.unitKind) }),
      mutation('staff', adminId, {
        firstName, lastName, role: 'administrator', jobTitle: '', unitIds: [unitId], phone: null, email: null, active: true,
      }),
    ], opts.nowMs);
    if (result.rejected.length > 0) throw new Error(`setup records rejected: ${result.rejected.map((r) => r.issues.map((i) => `${i.path}:${i.code}`).join(',')).join(';')}`);
    const session = await createSession(tx, admin, opts.deviceName, opts.nowMs);
    await tx.audit(organizationId, { atMs: opts.nowMs, userId: adminId, deviceId: session.deviceId, action: 'setup', details: { unitKind: req.unitKind } });
    return session;
  });
}
