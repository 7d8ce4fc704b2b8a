/**
 * The backup contract of the store: one consistent read-only snapshot of an organization, table by
 * table in pages (so a backup never holds the whole database in memory), and the restore of those
 * rows into an empty database in one transaction. Rows travel in the backup format's shapes
 * (backup/format.ts); device tokens never leave the database.
 */
import type { BackupAuditRow, BackupDevice, BackupErasureRow, BackupHistoryRow, BackupOrganization, BackupRecord, BackupUser } from '../backup/format';
import type { AuditEntry } from './audit-store';
import type { SyncTx } from './sync-store';

/** An organization as a backup names it, with the cursor floor a former restore set. */
export interface SnapshotOrganization extends BackupOrganization { cursorFloor: number }

/** How many rows of each table belong to an organization (records per entity). */
export interface SnapshotCounts { users: number; devices: number; records: Record<string, number>; history: number; audit: number; erasures: number }

/** The reads of one consistent snapshot. Each table comes in pages, in the order of its key. */
export interface BackupSnapshot {
  /** Every organization, oldest first. */
  organizations(): Promise<SnapshotOrganization[]>;
  /** The change sequence's value: every record's sequence is at most this (0 before the first change). */
  changeSeq(): Promise<number>;
  counts(organizationId: string): Promise<SnapshotCounts>;
  users(organizationId: string): AsyncIterable<BackupUser[]>;
  /** Devices without their token hash. */
  devices(organizationId: string): AsyncIterable<BackupDevice[]>;
  /** The records of one entity, in sequence order. */
  records(organizationId: string, entity: string): AsyncIterable<BackupRecord[]>;
  history(organizationId: string): AsyncIterable<BackupHistoryRow[]>;
  audit(organizationId: string): AsyncIterable<BackupAuditRow[]>;
  /** The erasure ledger, in the order of its numbers. */
  erasures(organizationId: string): AsyncIterable<BackupErasureRow[]>;
}

/** What an erasure needs of the records (server/sync/erase.ts), inside a write or a restore. */
export type ErasureTx = Pick<SyncTx, 'getRecord' | 'saveRecord' | 'scrubHistory' | 'recordsAbout' | 'nextErasureNo' | 'addErasure'>;

/** The writes of a restore, all in one transaction. */
export interface RestoreTarget {
  /** The change sequence's current value (a restore numbers its records above it). */
  changeSeq(): Promise<number>;
  createOrganization(org: SnapshotOrganization): Promise<void>;
  addUsers(organizationId: string, rows: BackupUser[]): Promise<void>;
  /** Adds devices revoked (at `revokedAt` unless they already were) and with a token hash no token matches. */
  addDevices(organizationId: string, rows: BackupDevice[], revokedAt: string): Promise<void>;
  /** Adds records with their sequence numbers as given. */
  addRecords(organizationId: string, rows: (BackupRecord & { entity: string })[]): Promise<void>;
  addHistory(organizationId: string, rows: BackupHistoryRow[]): Promise<void>;
  /** Adds audit rows keeping their ids. */
  addAudit(organizationId: string, rows: BackupAuditRow[]): Promise<void>;
  /** The record operations an erasure needs (a restore applies a newer ledger again). */
  readonly records: ErasureTx;
  /**
   * Renumbers the organization's records from `firstSeq` on, in their order, and moves the change
   * sequence to the last one (and the audit ids past the highest), so new changes follow them.
   */
  renumber(organizationId: string, firstSeq: number): Promise<void>;
  audit(organizationId: string, entry: AuditEntry): Promise<void>;
}

export interface BackupStore {
  /** Runs `fn` over one read-only snapshot: a backup sees no change made while it runs. */
  snapshot<T>(fn: (snapshot: BackupSnapshot) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction only while no organization exists (serialised with first-run setup); null when one does. */
  restore<T>(fn: (target: RestoreTarget) => Promise<T>): Promise<T | null>;
}
