/**
 * Forgetting an erased person (GDPR art. 17) on this device. When the server's tombstone of an
 * erased participant arrives (in a pull, or as the answer to a refused change), the row becomes
 * that tombstone (ids, unit and the ledger number only: the reports of past months still count the
 * person's attendance as "Osoba usunięta (nr N)"), and every unsent or refused change of the
 * person goes: they hold the very values the erasure removed, and the server refuses them anyway.
 * Runs inside the caller's transaction, which must include the table, the outbox and `rejected`.
 */
import type { EntityName } from '../../domain';
import type { AppDB } from './db';

export async function forgetErased(db: AppDB, entity: EntityName, tombstone: Record<string, unknown>): Promise<void> {
  const recordId = String(tombstone.id);
  await db.table<Record<string, unknown>, string>(entity).put({ ...tombstone });
  await db.outbox.where('[entity+recordId]').equals([entity, recordId]).delete();
  await db.rejected.filter((r) => r.entity === entity && r.recordId === recordId).delete();
}
