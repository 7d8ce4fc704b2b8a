/** The sync reads (sync-store.ts) in SQL; the writes are in sql-tx.ts, the pull query in sql-pull.ts. */
import type { SqlClient } from './sql-client';
import { lastSeq, pullChanges, pullRawChanges } from './sql-pull';
import { erasureFromRow, json, mutationFromRow, toNumber } from './sql-rows';
import type { SyncStore } from './sync-store';
import { selectRecordsAbout } from './sql-tx';

export function sqlSync(db: SqlClient): SyncStore {
  return {
    pull: (organizationId, since, limit, filter) => pullChanges(db, organizationId, since, limit, filter),
    pullRaw: (organizationId, since, limit, filter) => pullRawChanges(db, organizationId, since, limit, filter),
    maxSeq: (organizationId) => lastSeq(db, organizationId),

    async cursorFloor(organizationId) {
      const rows = await db.query<Record<string, unknown>>('SELECT cursor_floor FROM organizations WHERE id = $1', [organizationId]);
      return rows[0] ? toNumber(rows[0].cursor_floor) : 0;
    },

    async getRecord(organizationId, entity, id) {
      const rows = await db.query<Record<string, unknown>>('SELECT data, deleted FROM records WHERE organization_id = $1 AND entity = $2 AND id = $3', [organizationId, entity, id]);
      const row = rows[0];
      return row ? { data: json<Record<string, unknown>>(row.data), deleted: Boolean(row.deleted) } : null;
    },

    async history(organizationId, entity, recordId) {
      const rows = await db.query<Record<string, unknown>>(
        'SELECT * FROM mutations WHERE organization_id = $1 AND entity = $2 AND record_id = $3 ORDER BY received_at, seq NULLS LAST, mutation_id',
        [organizationId, entity, recordId],
      );
      return rows.map(mutationFromRow);
    },

    recordsAbout: (organizationId, entity, personId) => selectRecordsAbout(db, organizationId, entity, personId),

    async erasures(organizationId) {
      const rows = await db.query<Record<string, unknown>>('SELECT entity, record_id, no, erased_at FROM erasures WHERE organization_id = $1 ORDER BY no, record_id', [organizationId]);
      return rows.map(erasureFromRow);
    },
  };
}
