/**
 * CSV import: choose a file (UTF-8 or Excel's older Windows-1250), check the column mapping
 * (Polish headers are recognised), see every error with its line and column and the likely
 * duplicates in a preview table, and import only when the whole file is valid — in one
 * transaction, so the register never holds half a file.
 */
import { useMemo, useState } from 'preact/hooks';
import {
  foldForSearch, parseCsv, type CsvRow, type ImportField, type Participant, type Room,
} from '../../../../domain';
import { guessMapping, IMPORT_FIELDS, previewImport } from '../../../../domain/register/import';
import { type TextKey, useT } from '../../../i18n';
import type { AppError } from '../../../state';
import { importParticipants } from '../../../state/register';
import { errorKey } from '../../error-message';
import { readCsvFile } from '../../view/csv-file';
import { isXlsxFile, readXlsxRows } from '../../view/xlsx-file';
import { errorMessageKey } from './form-context';
import { ImportPreview } from './ImportPreview';

export const FIELD_LABELS: Record<ImportField, TextKey> = {
  firstName: 'form.firstName', lastName: 'form.lastName', birthDate: 'form.birthDate', pesel: 'form.pesel', phone: 'form.phone',
  street: 'form.street', postalCode: 'form.postalCode', city: 'form.city', studio: 'form.studio', weekdays: 'form.weekdays',
  admissionDate: 'form.admissionDate', status: 'form.status', dischargeDate: 'form.dischargeDate', dischargeReason: 'form.dischargeReason',
  diet: 'form.diet', allergies: 'form.allergies', needsTransport: 'form.needsTransport',
  mobilityAid: 'form.mobilityAid', driverNote: 'form.driverNote', certificateDegree: 'form.degree', certificateValidUntil: 'form.validUntil', notes: 'form.notes',
};

export interface ImportPanelProps { unitId: string; today: string; studios: readonly Room[]; existing: readonly Participant[]; onClose: (message?: string) => void }

export function ImportPanel({ unitId, today, studios, existing, onClose }: ImportPanelProps) {
  const t = useT();
  const [rows, setRows] = useState<CsvRow[] | null>(null);
  const [mapping, setMapping] = useState<(ImportField | null)[]>([]);
  const [unreadable, setUnreadable] = useState<number | null>(null);
  const [unreadableWorkbook, setUnreadableWorkbook] = useState(false);
  const [legacyEncoding, setLegacyEncoding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  const preview = useMemo(() => rows && previewImport(rows, mapping, {
    unitId, today, existing, studios: new Map(studios.map((s) => [foldForSearch(s.name), s.id])),
  }), [rows, mapping, unitId, today, existing, studios]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setFailure(null);
    if (isXlsxFile(file)) {
      const sheetRows = await readXlsxRows(file);
      setLegacyEncoding(false);
      setUnreadableWorkbook(sheetRows === null);
      setUnreadable(null);
      setRows(sheetRows);
      setMapping(guessMapping(sheetRows?.[0]?.cells ?? []));
      return;
    }
    setUnreadableWorkbook(false);
    const { text, encoding } = await readCsvFile(file);
    const parsed = parseCsv(text);
    setLegacyEncoding(encoding === 'windows-1250');
    if (!parsed.ok) {
      setRows(null);
      setUnreadable(parsed.line);
      return;
    }
    setUnreadable(null);
    setRows(parsed.rows);
    setMapping(guessMapping(parsed.rows[0]?.cells ?? []));
  };
  const run = async () => {
    if (!preview || preview.issues.length > 0) return;
    setBusy(true);
    const result = await importParticipants(preview.rows);
    setBusy(false);
    if (result.ok) onClose(t('import.done', { count: preview.rows.length }));
    else setFailure(result.error);
  };
  const headers = rows?.[0]?.cells ?? [];
  const fieldLabel = (column: string) => (IMPORT_FIELDS as readonly string[]).includes(column) ? t(FIELD_LABELS[column as ImportField]) : column;

  return (
    <section class="card import" aria-labelledby="import-title">
      <h2 id="import-title" class="card__title">{t('import.title')}</h2>
      <p class="muted">{t('import.help')}</p>
      <div class="field">
        <label class="field__label" for="import-file">{t('import.file')}</label>
        <input id="import-file" class="input" type="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
      </div>
      {unreadable !== null && <p class="callout callout--error" role="alert">{t('import.unreadable', { line: unreadable })}</p>}
      {unreadableWorkbook && <p class="callout callout--error" role="alert">{t('import.unreadableWorkbook')}</p>}
      {legacyEncoding && rows && <p class="muted">{t('import.legacyEncoding')}</p>}
      {rows && preview && (
        <>
          <fieldset class="form-section">
            <legend class="form-section__title">{t('import.mapping')}</legend>
            <p class="muted">{t('import.mappingHelp')}</p>
            <div class="form-row">
              {headers.map((h, i) => (
                <div key={i} class="field">
                  <label class="field__label" for={`map-${i}`}>{t('import.column', { name: h })}</label>
                  <select id={`map-${i}`} class="input select" value={mapping[i] ?? ''}
                    onChange={(e) => setMapping(mapping.map((m, j) => (j === i ? ((e.currentTarget.value || null) as ImportField | null) : m)))}>
                    <option value="">{t('import.skip')}</option>
                    {IMPORT_FIELDS.map((f) => <option key={f} value={f} disabled={mapping.includes(f) && mapping[i] !== f}>{t(FIELD_LABELS[f])}</option>)}
                  </select>
                </div>
              ))}
            </div>
          </fieldset>
          {preview.issues.length > 0 ? (
            <div class="callout callout--error" role="alert">
              <p>{t('import.errors', { count: preview.issues.length })}</p>
              <ul class="import__errors">
                {preview.issues.map((issue, i) => (
                  <li key={i}>{t('import.error', { line: issue.line, column: fieldLabel(issue.column), message: t(errorMessageKey(issue.code)) })}</li>
                ))}
              </ul>
            </div>
          ) : preview.rows.length > 0 && (
            <p class="callout callout--info" role="status">
              {t('import.valid', { count: preview.rows.length })}{preview.duplicates > 0 && ` ${t('import.duplicates', { count: preview.duplicates })}`}
            </p>
          )}
          <ImportPreview preview={preview} />
          {failure && <p class="callout callout--error" role="alert">{t(errorKey(failure))}</p>}
        </>
      )}
      <div class="form-actions">
        {rows && preview && (
          <button type="button" class="button button--primary" disabled={busy || preview.issues.length > 0 || preview.rows.length === 0} onClick={() => void run()}>
            {t('import.confirm', { count: preview.rows.length })}
          </button>
        )}
        <button type="button" class="button button--secondary" onClick={() => onClose()}>{t('import.close')}</button>
      </div>
    </section>
  );
}
