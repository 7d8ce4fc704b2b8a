/**
 * The Store contract suite: one set of behaviours every Store must show, run against embedded
 * PGlite always and against PostgreSQL when DATABASE_URL is set. It drives the real Hono app,
 * so it checks the store and the sync rules together, the way a device sees them.
 */
import { demoContract } from './contract-demo';
import { firstRunContract, type OpenStore } from './contract-first-run';
import { scopeContract } from './contract-scope';
import { syncContract } from './contract-sync';

export type { OpenStore } from './contract-first-run';

/** Registers the contract tests; `open` must return a fresh, migrated, empty store each time. */
export function storeContractSuite(open: OpenStore): void {
  firstRunContract(open);
  syncContract(open);
  demoContract(open);
  scopeContract(open);
}
