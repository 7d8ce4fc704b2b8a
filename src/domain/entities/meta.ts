/**
 * Fields every synced record carries: a client-made id, the organization (tenant) it belongs to,
 * the HLC stamp of its last change, who made that change, and a tombstone flag for deletes.
 */
import * as v from 'valibot';
import { IdSchema } from '../primitives';
import { HlcSchema } from '../hlc';

export const syncMetaEntries = {
  id: IdSchema,
  organizationId: IdSchema,
  hlc: HlcSchema,
  changedBy: IdSchema,
  deleted: v.boolean(),
};

/** The names of the meta fields: never edited through a patch, only by the sync machinery. */
export const SYNC_META_FIELDS = ['id', 'organizationId', 'hlc', 'changedBy', 'deleted'] as const;

export interface SyncMeta {
  id: string;
  organizationId: string;
  hlc: string;
  changedBy: string;
  deleted: boolean;
}
