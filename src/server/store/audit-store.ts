/**
 * The audit contract of the store: an append-only log of who did what (sign-ins, changes,
 * exports, refusals, backups), holding codes, counts, ids and field names, never values.
 */

export interface AuditEntry {
  atMs: number;
  userId: string | null;
  deviceId: string | null;
  /** What happened: 'setup', 'login', 'loginFailed', 'demoLoad', 'recordChange', 'logout'... */
  action: string;
  entity?: string | null;
  recordId?: string | null;
  /** Codes, counts and field names only: never values. */
  details?: Record<string, unknown>;
}

export interface AuditRow extends Required<AuditEntry> { id: number }

/** Appending inside a transaction, with the change it records. */
export interface AuditTx {
  audit(organizationId: string, entry: AuditEntry): Promise<void>;
}

export interface AuditStore {
  /** Appends one entry on its own (for events that change nothing else: a refusal, an export, a backup). */
  record(organizationId: string, entry: AuditEntry): Promise<void>;
  /** The newest entries first, optionally only one action, one record id, or both. */
  list(organizationId: string, limit?: number, filter?: { action?: string; recordId?: string }): Promise<AuditRow[]>;
}
