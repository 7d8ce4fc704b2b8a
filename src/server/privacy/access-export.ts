/**
 * Right of access (GDPR art. 15): everything the server holds about one person, for the
 * administrator to hand over. The person's record as stored, the records about them (those with
 * their `participantId`: day and session marks, absence notices, stops of bus runs, the driver's
 * marks), the history of each with its values, and the audit entries naming any of them. An
 * erased person's export holds the tombstone and history rows without values: nothing else is left.
 */
import { ENTITY_NAMES, type EntityName } from '../../domain';
import type { AccessExport, AccessRecord } from '../../protocol';
import { historyEntry } from '../routes/history-routes';
import type { Store } from '../store/store';

/** The entities whose records name a person by `participantId`. */
const ABOUT_PERSON: readonly EntityName[] = ENTITY_NAMES.filter((e) => ['dayMarks', 'sessionMarks', 'absenceNotices', 'routeStops', 'transportEvents'].includes(e));

/** Audit entries read per person (newest first); an organization's log of one person is far smaller. */
const AUDIT_LIMIT = 100_000;

/** The export of the person `id` (null: no such participant). */
export async function accessExport(store: Store, organizationId: string, id: string, nowMs: number): Promise<AccessExport | null> {
  const stored = await store.sync.getRecord(organizationId, 'participants', id);
  if (!stored) return null;
  const person: AccessRecord = { entity: 'participants', id, deleted: stored.deleted, data: stored.data };
  const records: AccessRecord[] = [];
  for (const entity of ABOUT_PERSON) {
    for (const r of await store.sync.recordsAbout(organizationId, entity, id)) records.push({ entity, id: r.id, deleted: r.deleted, data: r.data });
  }
  const directory = await store.accounts.directory(organizationId);
  const history: AccessExport['history'] = [];
  const audit: AccessExport['audit'] = [];
  for (const r of [person, ...records]) {
    for (const row of await store.sync.history(organizationId, r.entity, r.id)) history.push({ entity: r.entity, recordId: r.id, ...historyEntry(row, directory) });
    for (const a of await store.audit.list(organizationId, AUDIT_LIMIT, { recordId: r.id })) {
      if (a.entity !== null && a.entity !== r.entity) continue;
      audit.push({ atMs: a.atMs, action: a.action, user: (a.userId && directory.users.get(a.userId)) || '—', entity: a.entity, recordId: a.recordId });
    }
  }
  history.sort((a, b) => a.atMs - b.atMs);
  audit.sort((a, b) => a.atMs - b.atMs);
  return { format: 'obecni-access', generatedAtMs: nowMs, person, records, history, audit };
}
