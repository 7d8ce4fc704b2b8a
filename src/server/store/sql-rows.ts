/**
 * Mapping between database rows and store types. PGlite and node-postgres return bigint,
 * timestamptz and jsonb slightly differently (number vs string, Date vs string); these helpers
 * make both look the same to the rest of the server.
 */
import type { EntityName, ErasureEntry } from '../../domain';
import type { AuditRow, MutationRow, UserRow } from './store';

/** A bigint column as a number (sequence numbers stay far below 2^53). */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** A timestamptz column as epoch milliseconds. */
export function toMs(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  return new Date(String(value)).getTime();
}

/** Epoch milliseconds as a timestamptz parameter. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A jsonb column (already parsed by both drivers; text is parsed defensively). */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export const USER_COLUMNS = 'organization_id, id, login, display_name, password_hash, roles, unit_ids, failed_logins, locked_until, disabled, created_at, scope_epoch';

export function userFromRow(r: Record<string, unknown>): UserRow {
  return {
    organizationId: String(r.organization_id),
    id: String(r.id),
    login: String(r.login),
    displayName: String(r.display_name),
    passwordHash: String(r.password_hash),
    roles: json<string[]>(r.roles),
    unitIds: json<string[]>(r.unit_ids),
    failedLogins: toNumber(r.failed_logins),
    lockedUntilMs: toMs(r.locked_until),
    disabled: Boolean(r.disabled),
    createdAtMs: toMs(r.created_at) ?? 0,
    scopeEpoch: toNumber(r.scope_epoch ?? 0),
  };
}

export function mutationFromRow(r: Record<string, unknown>): MutationRow {
  return {
    mutationId: String(r.mutation_id),
    seq: r.seq === null ? null : toNumber(r.seq),
    entity: String(r.entity) as EntityName,
    recordId: String(r.record_id),
    userId: String(r.user_id),
    deviceId: String(r.device_id),
    hlc: String(r.hlc),
    patch: json(r.patch),
    oldValues: json(r.old_values),
    appliedFields: json(r.applied_fields),
    defaultFields: r.default_fields === undefined || r.default_fields === null ? [] : json(r.default_fields),
    receivedAtMs: toMs(r.received_at) ?? 0,
  };
}

export function auditFromRow(r: Record<string, unknown>): AuditRow {
  return {
    id: toNumber(r.id),
    atMs: toMs(r.at) ?? 0,
    userId: (r.user_id as string | null) ?? null,
    deviceId: (r.device_id as string | null) ?? null,
    action: String(r.action),
    entity: (r.entity as string | null) ?? null,
    recordId: (r.record_id as string | null) ?? null,
    details: json(r.details),
  };
}

/** A row of the erasure ledger. */
export function erasureFromRow(r: Record<string, unknown>): ErasureEntry {
  return { entity: String(r.entity) as ErasureEntry['entity'], recordId: String(r.record_id), no: toNumber(r.no), erasedAt: iso(toMs(r.erased_at) ?? 0) };
}
