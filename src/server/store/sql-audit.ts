/** The audit contract (audit-store.ts) in SQL: one INSERT per entry, read newest first. */
import type { AuditEntry, AuditStore } from './audit-store';
import type { SqlClient } from './sql-client';
import { auditFromRow, iso } from './sql-rows';

/** Appends one entry through `db` (a connection, or a transaction with the change it records). */
export async function insertAudit(db: SqlClient, organizationId: string, e: AuditEntry): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (organization_id, at, user_id, device_id, action, entity, record_id, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)',
    [organizationId, iso(e.atMs), e.userId, e.deviceId, e.action, e.entity ?? null, e.recordId ?? null, JSON.stringify(e.details ?? {})],
  );
}

export function sqlAudit(db: SqlClient): AuditStore {
  return {
    record: (organizationId, entry) => insertAudit(db, organizationId, entry),

    async list(organizationId, limit = 100, filter) {
      const rows = filter
        ? await db.query<Record<string, unknown>>(
          'SELECT * FROM audit_log WHERE organization_id = $1 AND ($2::text IS NULL OR action = $2) AND ($3::text IS NULL OR record_id = $3) ORDER BY id DESC LIMIT $4',
          [organizationId, filter.action ?? null, filter.recordId ?? null, limit],
        )
        : await db.query<Record<string, unknown>>('SELECT * FROM audit_log WHERE organization_id = $1 ORDER BY id DESC LIMIT $2', [organizationId, limit]);
      return rows.map(auditFromRow);
    },
  };
}
