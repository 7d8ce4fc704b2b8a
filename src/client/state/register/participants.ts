/**
 * The participant register's writes: saving the form (a new person or changed fields), discharge
 * and readmission (the server keeps every previous value in its history), an administrator's
 * erasure (a tombstone, audited on the server), a CSV import written in one transaction so a
 * file lands whole or not at all, and the register's CSV export (recorded in the audit log).
 */
import { uuidv7 } from 'uuidv7';
import { type ImportedRow, type Participant } from '../../../domain';
import { registerToCsv } from '../../../domain/register/export';
import type { Change } from '../../storage/write';
import { saveChanges } from '../actions';
import { recordExport } from '../export-audit';
import type { ActionResult } from '../types';

/** The editable fields of a participant (everything but the sync metadata). */
export type ParticipantFields = Omit<Participant, 'id' | 'organizationId' | 'hlc' | 'changedBy' | 'deleted'>;

/** Saves the form: creates the person (a new id) or writes the changed fields. Resolves with the id. */
export async function saveParticipant(id: string | null, fields: ParticipantFields): Promise<ActionResult & { id?: string }> {
  const recordId = id ?? uuidv7();
  const result = await saveChanges([{ entity: 'participants', id: recordId, patch: fields }]);
  return result.ok ? { ok: true, id: recordId } : result;
}

/** Strikes a person off (skreślenie) on a day, with the reason. */
export function dischargeParticipant(id: string, day: string, reason: string): Promise<ActionResult> {
  return saveChanges([{ entity: 'participants', id, patch: { status: 'discharged', dischargeDate: day, dischargeReason: reason.trim() } }]);
}

/** Admits a discharged person again from a day; the previous stay stays in the history. */
export function readmitParticipant(id: string, day: string): Promise<ActionResult> {
  return saveChanges([{ entity: 'participants', id, patch: { status: 'active', admissionDate: day, dischargeDate: null, dischargeReason: null } }]);
}

/** An administrator's erasure of a person's record (the server refuses it from other roles). */
export function eraseParticipant(id: string): Promise<ActionResult> {
  return saveChanges([{ entity: 'participants', id, delete: true }]);
}

/** Writes every imported row in one transaction: all of the file or nothing. */
export function importParticipants(rows: readonly ImportedRow[]): Promise<ActionResult> {
  const changes: Change[] = rows.map((r) => ({ entity: 'participants', id: uuidv7(), patch: r.record }));
  return saveChanges(changes);
}

/**
 * The register (the people shown, as filtered) as a CSV file for Excel, made on `day`. It is
 * personal data leaving the app, so the export is recorded in the audit log like a report's.
 */
export async function exportRegister(unitId: string, people: readonly Participant[], studios: ReadonlyMap<string, string>, day: string): Promise<Blob> {
  const blob = new Blob([registerToCsv(people, studios)], { type: 'text/csv;charset=utf-8' });
  await recordExport({ unitId, report: 'participantRegister', format: 'csv', from: day, to: day, rows: people.length });
  return blob;
}
