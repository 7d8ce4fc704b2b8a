/**
 * The pull query: the changes after a cursor that a caller may see, chosen in SQL so that rows
 * outside the caller's scope never leave the database, and revocations for records that left the
 * caller's units. Cursor: the organization's last sequence is read first; every sequence up to it
 * is committed by then (writers of an organization are serialised, see sql-store.ts), so when
 * fewer than `limit` rows match, the cursor moves to it past the rows the filter left out.
 */
import type { EntityName } from '../../domain';
import type { PullResponse } from '../../protocol';
import type { SqlClient } from './sql-client';
import { toNumber } from './sql-rows';
import { parseRawChange, type PullFilter, type RawChange, type RawPullPage } from './sync-store';

/**
 * $1 organization, $2 since, $3 last sequence, $4 entities, $5 units (null: all), $6 revocations, $7 limit.
 * The unit rule is `recordUnits` of sync/access.ts: organizations are organization-wide, a unit
 * belongs to itself, a staff member to `unitIds`, everything else to `unitId`. A revocation
 * needs a change of the record (in the append-only history) that named one of the units.
 */
const PULL_SQL = `
SELECT r.entity, r.id, r.seq, r.deleted, v.visible, CASE WHEN v.visible THEN r.data::text END AS data, r.data->>'unitId' AS unit_id
FROM records r
CROSS JOIN LATERAL (SELECT COALESCE(
  $5::text[] IS NULL
  OR r.entity = 'organizations'
  OR (r.entity = 'units' AND r.id = ANY($5::text[]))
  OR (r.entity = 'staff' AND r.data->'unitIds' ?| $5::text[])
  OR (r.entity NOT IN ('organizations', 'units', 'staff') AND r.data->>'unitId' = ANY($5::text[])),
  false) AS visible) v
WHERE r.organization_id = $1 AND r.seq > $2 AND r.seq <= $3 AND r.entity = ANY($4::text[])
  AND (v.visible OR ($6::boolean AND EXISTS (
    SELECT 1 FROM mutations m
    WHERE m.organization_id = r.organization_id AND m.entity = r.entity AND m.record_id = r.id
      AND (m.patch->>'unitId' = ANY($5::text[]) OR COALESCE(m.patch->'unitIds' ?| $5::text[], false)))))
ORDER BY r.seq
LIMIT $7`;

/** The highest change sequence of the organization (0 when it has none). */
export async function lastSeq(db: SqlClient, organizationId: string): Promise<number> {
  const rows = await db.query<Record<string, unknown>>('SELECT max(seq) AS max FROM records WHERE organization_id = $1', [organizationId]);
  const max = rows[0]?.max;
  return max === null || max === undefined ? 0 : toNumber(max);
}

/**
 * One page of changes after `since` that `filter` lets through (everything without one), each
 * record as the JSON text the database holds: the sync route splices it into the answer as it
 * is, so a page of an initial sync is never parsed and serialised again (PGlite turning jsonb
 * into objects, and JSON.stringify of them, were most of a page's time).
 */
export function pullRawChanges(db: SqlClient, organizationId: string, since: number, limit: number, filter?: PullFilter): Promise<RawPullPage> {
  // The plan is pinned to walking the (organization, seq) index in order and stopping after
  // `limit` rows. Without statistics (PGlite has no autovacuum, so a freshly loaded or restored
  // database has none) the planner guesses a handful of rows and picks a bitmap scan that sorts
  // every row after the cursor on every page: 10 to 50 times slower, and quadratic over a sync.
  return db.transaction(async (tx) => {
    await tx.exec('SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off');
    return pageAfter(tx, organizationId, since, limit, filter);
  });
}

async function pageAfter(db: SqlClient, organizationId: string, since: number, limit: number, filter?: PullFilter): Promise<RawPullPage> {
  const last = await lastSeq(db, organizationId);
  const rows = filter
    ? await db.query<Record<string, unknown>>(PULL_SQL, [
      organizationId, since, last, [...filter.entities], filter.units === null ? null : [...filter.units], filter.revocations, limit + 1,
    ])
    : await db.query<Record<string, unknown>>(
      "SELECT entity, id, seq, deleted, true AS visible, data::text AS data, data->>'unitId' AS unit_id FROM records WHERE organization_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4",
      [organizationId, since, last, limit + 1],
    );
  const changes = rows.slice(0, limit).map((r): RawChange => {
    const entity = String(r.entity) as EntityName;
    const recordId = String(r.id);
    const seq = toNumber(r.seq);
    if (r.visible !== true) return { seq, entity, recordId, json: null, deleted: true, unitId: null };
    return {
      seq, entity, recordId, json: typeof r.data === 'string' ? r.data : JSON.stringify(r.data), deleted: Boolean(r.deleted),
      unitId: typeof r.unit_id === 'string' ? r.unit_id : null,
    };
  });
  const hasMore = rows.length > limit;
  return { changes, cursor: hasMore ? changes[changes.length - 1]!.seq : Math.max(since, last), hasMore };
}


/** One page of changes after `since` that `filter` lets through, parsed. */
export async function pullChanges(db: SqlClient, organizationId: string, since: number, limit: number, filter?: PullFilter): Promise<PullResponse> {
  const page = await pullRawChanges(db, organizationId, since, limit, filter);
  return { changes: page.changes.map(parseRawChange), cursor: page.cursor, hasMore: page.hasMore };
}
