/**
 * The stays of a participant as the server's history tells them: of every accepted change of the
 * record, only the fields that make a stay (status, admission, discharge and its reason, the
 * unit) and the record's creation, oldest first. A readmission clears the discharge fields on
 * the record, so this is where the earlier stays remain visible.
 */
import type { HistoryEntry } from '../../state';

export const STAY_FIELDS = ['status', 'admissionDate', 'dischargeDate', 'dischargeReason', 'unitId'] as const;
export type StayField = (typeof STAY_FIELDS)[number];

/** `isDefault`: the value was a create-only default the record was made with, not one a user set. */
export interface StayChange { field: StayField | 'created' | 'deleted'; before: unknown; after: unknown; isDefault?: true }
export interface StayEntry { atMs: number; user: string; device: string; changes: StayChange[] }

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

export function stayHistory(entries: readonly HistoryEntry[]): StayEntry[] {
  const out: StayEntry[] = [];
  for (const e of entries) {
    if (e.superseded) continue;
    const changes: StayChange[] = [];
    for (const c of e.changes) {
      // Creation and erasure first; a field set from nothing to nothing says nothing.
      if (c.field === 'deleted') changes.unshift({ field: c.after === true ? 'deleted' : 'created', before: null, after: null });
      else if ((STAY_FIELDS as readonly string[]).includes(c.field) && !(isEmpty(c.before) && isEmpty(c.after))) {
        changes.push({ field: c.field as StayField, before: c.before, after: c.after, ...(c.isDefault ? { isDefault: true as const } : {}) });
      }
    }
    if (changes.length > 0) out.push({ atMs: e.atMs, user: e.user, device: e.device, changes });
  }
  return out;
}
