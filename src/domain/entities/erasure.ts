/**
 * Erasure of a person (GDPR art. 17). An administrator's erasure replaces the participant's record
 * by a tombstone that holds no personal field: the ids, the unit (so the pull filter still knows
 * whose devices must drop it) and the number of the erasure in the organization's ledger (so the
 * reports of past months name the person "Osoba usunięta (nr N)", the same N in every report).
 * Records about the person that must stay (their attendance counts in the reports of past months)
 * lose their free text; a stop of a bus run is deleted. The server applies this once
 * (server/sync/erase.ts); devices drop the person's data when the tombstone reaches them.
 */
import * as v from 'valibot';
import { HlcSchema } from '../hlc';
import { IdSchema } from '../primitives';
import { ENTITY_SCHEMAS, type EntityName } from './registry';

/** The entities whose records are people that an administrator may erase. */
export const ERASABLE_ENTITIES = ['participants'] as const satisfies readonly EntityName[];
export type ErasableEntity = (typeof ERASABLE_ENTITIES)[number];

/** An erased participant: every field but these is gone. */
export const ErasedParticipantSchema = v.strictObject({
  id: IdSchema,
  organizationId: IdSchema,
  hlc: HlcSchema,
  changedBy: IdSchema,
  deleted: v.literal(true),
  unitId: IdSchema,
  /** The erasure's number in the organization's ledger (1, 2, …). */
  erasure: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type ErasedParticipant = v.InferOutput<typeof ErasedParticipantSchema>;

/** One entry of the erasure ledger: ids and dates only. */
export interface ErasureEntry {
  entity: ErasableEntity;
  recordId: string;
  /** The erasure's number in the organization (the N of "Osoba usunięta (nr N)"). */
  no: number;
  /** When it was erased (ISO instant). */
  erasedAt: string;
}

/**
 * What an erasure does to the records about the person that stay: the free-text fields it clears
 * (and takes out of their history), or `delete` for records that have no purpose without the person.
 */
export const ERASURE_OF_RELATED: Partial<Record<EntityName, { clear: readonly string[]; delete: boolean }>> = {
  dayMarks: { clear: ['note'], delete: false },
  absenceNotices: { clear: ['note', 'reportedBy'], delete: false },
  routeStops: { clear: ['pickupAddress'], delete: true },
};

/** True when `data` is an erased person's tombstone (of any role's shape: the number is always sent). */
export function isErasedRecord(entity: string, data: Record<string, unknown> | null | undefined): boolean {
  return entity === 'participants' && data !== null && data !== undefined && data.deleted === true && typeof data.erasure === 'number';
}

/** The tombstone that replaces an erased participant's record. */
export function erasedTombstone(data: Record<string, unknown>, erasure: number, hlc: string, changedBy: string): ErasedParticipant {
  return {
    id: String(data.id), organizationId: String(data.organizationId), hlc, changedBy, deleted: true, unitId: String(data.unitId), erasure,
  };
}

/** How reports name an erased person (the sheet is a Polish document, as its CSV headers). */
export function erasedPersonLabel(no: number): string {
  return `Osoba usunięta (nr ${no})`;
}

/** The schema a stored record of `entity` must pass: an erased person's tombstone has its own. */
export function storedRecordSchema(entity: EntityName, data: unknown): v.GenericSchema {
  const erased = data !== null && typeof data === 'object' && isErasedRecord(entity, data as Record<string, unknown>);
  return erased ? ErasedParticipantSchema : ENTITY_SCHEMAS[entity];
}
