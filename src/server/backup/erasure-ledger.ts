/**
 * The erasure ledger as a file (`npm run erasures -- --out <file>`): which people were erased and
 * when, ids and dates only, so it may sit next to the backups unencrypted. A restore of an older
 * backup takes it (`npm run restore -- --in <backup> --erasures <ledger>`) and applies every
 * erasure made after the backup again (restore.ts), so nobody's data comes back with an old copy.
 */
import * as v from 'valibot';
import { IdSchema, type ErasureEntry } from '../../domain';
import type { Store } from '../store/store';
import { CreatedAtSchema, ErasureRowSchema, backupIssues, type BackupIssue } from './format';

export const LEDGER_FORMAT = 'obecni-erasures';
export const LEDGER_FORMAT_VERSION = 1;

const LedgerFileSchema = v.strictObject({
  format: v.literal(LEDGER_FORMAT, 'notErasureLedger'),
  formatVersion: v.literal(LEDGER_FORMAT_VERSION, 'unsupportedFormatVersion'),
  createdAt: CreatedAtSchema,
  organizationId: IdSchema,
  erasures: v.pipe(v.array(ErasureRowSchema), v.maxLength(1_000_000, 'tooLong')),
});
export type ErasureLedgerFile = v.InferOutput<typeof LedgerFileSchema>;

/** The ledger a restore applies. */
export interface ErasureLedger { organizationId: string; erasures: readonly ErasureEntry[] }

/** The ledger of the organization (the only one, or `organizationId`) as the file's object. */
export async function ledgerOf(store: Store, nowMs: number, organizationId: string): Promise<ErasureLedgerFile> {
  return {
    format: LEDGER_FORMAT, formatVersion: LEDGER_FORMAT_VERSION, createdAt: new Date(nowMs).toISOString(), organizationId,
    erasures: await store.sync.erasures(organizationId),
  };
}

/** Parses a ledger file's text; issues name the JSON path and a code, never a value. */
export function parseLedger(text: string): { ok: true; ledger: ErasureLedger } | { ok: false; issues: BackupIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ path: '', code: 'invalidJson' }] };
  }
  const parsed = v.safeParse(LedgerFileSchema, value);
  if (!parsed.success) return { ok: false, issues: backupIssues('', parsed.issues).map((i) => ({ ...i, path: i.path.replace(/^\./, '') })).slice(0, 50) };
  const ids = new Set<string>();
  for (const [i, e] of parsed.output.erasures.entries()) {
    if (ids.has(e.recordId)) return { ok: false, issues: [{ path: `erasures[${i}].recordId`, code: 'duplicateId' }] };
    ids.add(e.recordId);
  }
  return { ok: true, ledger: { organizationId: parsed.output.organizationId, erasures: parsed.output.erasures } };
}
