/**
 * The persistence contract of the server, in four parts: sync (records, history, the change log),
 * accounts (users, sign-in failures, devices), audit (the append-only log) and backup (a snapshot
 * and a restore). Routes and rules talk only to these interfaces, never to SQL; one SQL
 * implementation runs them on embedded PGlite or on PostgreSQL. Everything is scoped by
 * organization id (the tenant). Writes that must land together (a change, its history row and its
 * audit entry; a new device and its sign-in entry) go through `write`, one transaction holding the
 * organization's write lock, so that pull cursors never skip a change.
 */
import type { AccountStore, AccountTx } from './account-store';
import type { AuditStore, AuditTx } from './audit-store';
import type { BackupStore } from './backup-store';
import type { SyncStore, SyncTx } from './sync-store';

export type * from './account-store';
export type * from './audit-store';
export type * from './backup-store';
export type * from './sync-store';

export type DatabaseKind = 'pglite' | 'postgres';

/** The operations available inside one transaction. */
export interface StoreTx extends SyncTx, AccountTx, AuditTx {
  /** Runs `fn` so that its writes are all kept or, when it throws, all undone. */
  savepoint<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
}

export interface Store {
  readonly kind: DatabaseKind;
  /** Applies pending migrations; returns the names of all applied ones. */
  migrate(): Promise<string[]>;
  appliedMigrations(): Promise<string[]>;
  close(): Promise<void>;

  /** True once any organization exists. */
  isInitialized(): Promise<boolean>;
  /** Runs `fn` in one transaction only while no organization exists (serialised); null when one does. */
  initialize<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T | null>;
  /** Runs `fn` in one transaction holding the organization's write lock. */
  write<T>(organizationId: string, fn: (tx: StoreTx) => Promise<T>): Promise<T>;

  readonly sync: SyncStore;
  readonly accounts: AccountStore;
  readonly audit: AuditStore;
  readonly backup: BackupStore;
}
