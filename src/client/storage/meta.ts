/**
 * Device state in the local-only `meta` table: the signed-in session and its token, the sync
 * cursor, the last HLC stamp, the chosen unit and the sync bookkeeping. Typed keys, so a typo is
 * a compile error.
 */
import type { ExportRecord } from '../../protocol';
import type { AppDB } from './db';

/** The signed-in user on this device, as the server described them at sign-in. */
export interface StoredSession {
  deviceId: string;
  deviceToken: string;
  userId: string;
  displayName: string;
  login: string;
  roles: string[];
  unitIds: string[];
  organizationId: string;
}

/** A salted PBKDF2-SHA-256 hash (hex) of a PIN or a password. */
export interface SlowHash { hash: string; salt: string; iterations: number }

export interface MetaValues {
  session: StoredSession;
  /** The server sequence this device has pulled up to. */
  cursor: number;
  /** The last HLC stamp this device issued or saw. */
  hlc: string;
  /**
   * The server's clock minus this device's, in ms, from the last sync answer (issue 13): the
   * device stamps changes and counts "today" with its clock plus this. Unset until the first sync.
   */
  clockOffsetMs: number;
  currentUnitId: string;
  lastSyncAtMs: number;
  /** The signed-in user's PIN for the idle lock: PBKDF2-SHA-256 hash and salt (never the PIN). */
  pin: SlowHash;
  /** A slow hash of the signed-in user's password: opens the lock after too many wrong PINs (issue 14.4). */
  passwordHash: SlowHash;
  /** Whether the screen is locked and how many attempts to open it failed (survives reloads). */
  lock: { locked: boolean; failures: number };
  /** Failed attempts to open the lock after which the device's data is wiped. */
  pinWipeAfter: number;
  /** Minutes without a touch before the screen locks. */
  lockMinutes: number;
  /** Exports made while the server could not be reached, sent to its audit log later (issue 7). */
  pendingExports: ExportRecord[];
}

export type MetaKey = keyof MetaValues;

/** Reads one meta value (undefined when never set). */
export async function getMeta<K extends MetaKey>(db: AppDB, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

/** Writes one meta value (inside the caller's transaction when there is one). */
export async function setMeta<K extends MetaKey>(db: AppDB, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}
