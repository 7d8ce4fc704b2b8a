/**
 * The write operations of the store, as SQL over a transaction client. They exist once and run
 * unchanged on PGlite and PostgreSQL. jsonb values are sent as JSON text: node-postgres would
 * otherwise turn a JS array into a PostgreSQL array literal.
 */
import { SYNC_META_FIELDS, type EntityName } from '../../domain';
import { insertAudit } from './sql-audit';
import type { SqlClient } from './sql-client';
import { iso, json, toNumber } from './sql-rows';
import type { ImportRecord, MutationRow, StoreTx, StoredRecord } from './store';

/** Rows per statement when importing; keeps each JSON parameter at a few MB at most. */
const IMPORT_CHUNK = 1000;

const META = new Set<string>(SYNC_META_FIELDS);

const IMPORT_SQL = `
WITH input AS (
  SELECT r, n FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(r, n)
), ins AS (
  INSERT INTO records (organization_id, entity, id, data, field_hlc, hlc, deleted, seq)
  SELECT $1, s.r->>'entity', s.r->>'id', s.r->'data', s.r->'fieldHlc', s.r->>'hlc', (s.r->>'deleted')::boolean, nextval('change_seq')
  FROM (SELECT r FROM input ORDER BY n) s
  RETURNING entity, id, seq, hlc
)
INSERT INTO mutations (organization_id, mutation_id, seq, entity, record_id, user_id, device_id, hlc, patch, old_values, applied_fields, received_at)
SELECT $1, i.r->>'mutationId', ins.seq, ins.entity, ins.id, $3, $4, ins.hlc, i.r->'patch', '{}'::jsonb, i.r->'appliedFields', $5
FROM ins JOIN input i ON i.r->>'entity' = ins.entity AND i.r->>'id' = ins.id`;

/** The records of `entity` whose `participantId` is `personId`, in sequence order. */
export async function selectRecordsAbout(db: SqlClient, organizationId: string, entity: EntityName, personId: string): Promise<StoredRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    "SELECT id, data, field_hlc, hlc, deleted, seq FROM records WHERE organization_id = $1 AND entity = $2 AND data->>'participantId' = $3 ORDER BY seq",
    [organizationId, entity, personId],
  );
  return rows.map((r): StoredRecord => ({
    entity, id: String(r.id), data: json(r.data), fieldHlc: json(r.field_hlc), hlc: String(r.hlc), deleted: Boolean(r.deleted), seq: toNumber(r.seq),
  }));
}

/** The StoreTx operations on a client that is inside a transaction. */
export function sqlStoreTx(db: SqlClient, newId: () => string): StoreTx {
  const tx: StoreTx = {
    async createOrganization(org) {
      await db.query('INSERT INTO organizations (id, name, created_at) VALUES ($1, $2, $3)', [org.id, org.name, iso(org.createdAtMs)]);
    },

    async createUser(u) {
      await db.query(
        `INSERT INTO users (organization_id, id, login, display_name, password_hash, roles, unit_ids, created_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
        [u.organizationId, u.id, u.login, u.displayName, u.passwordHash, JSON.stringify(u.roles), JSON.stringify(u.unitIds), iso(u.createdAtMs)],
      );
    },

    async createDevice(d) {
      await db.query(
        'INSERT INTO devices (organization_id, id, user_id, name, token_hash, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $6)',
        [d.organizationId, d.id, d.userId, d.name, d.tokenHash, iso(d.createdAtMs)],
      );
    },

    async getRecord(organizationId, entity, id) {
      const rows = await db.query<Record<string, unknown>>(
        'SELECT data, field_hlc, hlc, deleted, seq FROM records WHERE organization_id = $1 AND entity = $2 AND id = $3',
        [organizationId, entity, id],
      );
      const r = rows[0];
      if (!r) return null;
      const record: StoredRecord = {
        entity, id, data: json(r.data), fieldHlc: json(r.field_hlc), hlc: String(r.hlc), deleted: Boolean(r.deleted), seq: toNumber(r.seq),
      };
      return record;
    },

    async hasMutation(organizationId, mutationId) {
      const rows = await db.query('SELECT 1 AS x FROM mutations WHERE organization_id = $1 AND mutation_id = $2', [organizationId, mutationId]);
      return rows.length > 0;
    },

    async recordsStampedAfter(organizationId, wallMs) {
      // The 13 digits of wall time compare alike in every collation (the separators might not).
      const rows = await db.query<{ entity: string; id: string }>(
        'SELECT entity, id FROM records WHERE organization_id = $1 AND left(hlc, 13) > $2 ORDER BY seq',
        [organizationId, String(Math.max(0, Math.floor(wallMs))).padStart(13, '0')],
      );
      return rows.map((r) => ({ entity: r.entity as EntityName, id: String(r.id) }));
    },

    async saveRecord(organizationId, r) {
      const rows = await db.query<{ seq: unknown }>(
        `INSERT INTO records (organization_id, entity, id, data, field_hlc, hlc, deleted, seq)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, nextval('change_seq'))
         ON CONFLICT (organization_id, entity, id) DO UPDATE SET
           data = EXCLUDED.data, field_hlc = EXCLUDED.field_hlc, hlc = EXCLUDED.hlc, deleted = EXCLUDED.deleted, seq = EXCLUDED.seq
         RETURNING seq`,
        [organizationId, r.entity, r.id, JSON.stringify(r.data), JSON.stringify(r.fieldHlc), r.hlc, r.deleted],
      );
      return toNumber(rows[0]?.seq);
    },

    async appendMutation(organizationId, m: MutationRow) {
      await db.query(
        `INSERT INTO mutations (organization_id, mutation_id, seq, entity, record_id, user_id, device_id, hlc, patch, old_values, applied_fields, default_fields, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12::jsonb, $13)`,
        [organizationId, m.mutationId, m.seq, m.entity, m.recordId, m.userId, m.deviceId, m.hlc,
          JSON.stringify(m.patch), JSON.stringify(m.oldValues), JSON.stringify(m.appliedFields), JSON.stringify(m.defaultFields ?? []), iso(m.receivedAtMs)],
      );
    },

    async importRecords(organizationId, records: ImportRecord[], by) {
      for (let start = 0; start < records.length; start += IMPORT_CHUNK) {
        const chunk = records.slice(start, start + IMPORT_CHUNK).map((r) => {
          const fields = Object.keys(r.data).filter((k) => !META.has(k));
          const fieldHlc: Record<string, string> = { deleted: r.hlc };
          const patch: Record<string, unknown> = {};
          for (const f of fields) {
            fieldHlc[f] = r.hlc;
            patch[f] = r.data[f];
          }
          return { entity: r.entity, id: r.id, data: r.data, fieldHlc, hlc: r.hlc, deleted: r.deleted, mutationId: newId(), patch, appliedFields: [...fields, 'deleted'] };
        });
        await db.query(IMPORT_SQL, [organizationId, JSON.stringify(chunk), by.userId, by.deviceId, iso(by.receivedAtMs)]);
      }
      return records.length;
    },

    recordsAbout: (organizationId, entity, personId) => selectRecordsAbout(db, organizationId, entity, personId),

    async scrubHistory(organizationId, entity, recordId, fields) {
      if (fields === null) {
        await db.query("UPDATE mutations SET patch = '{}'::jsonb, old_values = '{}'::jsonb WHERE organization_id = $1 AND entity = $2 AND record_id = $3", [organizationId, entity, recordId]);
        return;
      }
      await db.query(
        'UPDATE mutations SET patch = patch - $4::text[], old_values = old_values - $4::text[] WHERE organization_id = $1 AND entity = $2 AND record_id = $3',
        [organizationId, entity, recordId, [...fields]],
      );
    },

    async nextErasureNo(organizationId) {
      const rows = await db.query<{ n: unknown }>('SELECT coalesce(max(no), 0) + 1 AS n FROM erasures WHERE organization_id = $1', [organizationId]);
      return toNumber(rows[0]?.n ?? 1);
    },

    async addErasure(organizationId, e) {
      await db.query(
        'INSERT INTO erasures (organization_id, entity, record_id, no, erased_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [organizationId, e.entity, e.recordId, e.no, e.erasedAt],
      );
    },

    audit: (organizationId, e) => insertAudit(db, organizationId, e),

    savepoint(fn) {
      return db.transaction((inner) => fn(sqlStoreTx(inner, newId)));
    },
  };
  return tx;
}

