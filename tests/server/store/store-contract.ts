/**
 * The Store contract suite: one set of behaviours every Store must show, run against embedded
 * PGlite always and against PostgreSQL when DATABASE_URL is set. One suite per part of the store
 * straight through its interface (accounts, audit, sync, backup), then the suites that drive the
 * real Hono app and check the store and the sync rules together, the way a device sees them.
 * (The backup file round trip: backup-contract.ts, in backup-pglite and backup-postgres.)
 */
import { accountsContract } from './contract-accounts';
import { auditContract } from './contract-audit';
import { backupStoreContract } from './contract-backup-store';
import { demoContract } from './contract-demo';
import { erasureContract } from './contract-erasure';
import { firstRunContract, type OpenStore } from './contract-first-run';
import { scopeContract } from './contract-scope';
import { syncContract } from './contract-sync';
import { syncStoreContract } from './contract-sync-store';

export type { OpenStore } from './contract-first-run';

/** Registers the contract tests; `open` must return a fresh, migrated, empty store each time. */
export function storeContractSuite(open: OpenStore): void {
  accountsContract(open);
  auditContract(open);
  syncStoreContract(open);
  backupStoreContract(open);
  firstRunContract(open);
  syncContract(open);
  demoContract(open);
  scopeContract(open);
  erasureContract(open);
}
