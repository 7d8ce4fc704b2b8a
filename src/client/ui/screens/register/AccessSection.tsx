/**
 * Right of access (GDPR art. 15), for administrators on a participant's form: the JSON file of
 * everything the server holds about the person, and the printable A4 page. Needs the network;
 * the server records each request in the export audit.
 */
import { useState } from 'preact/hooks';
import type { AccessFormat } from '../../../../protocol';
import { useT } from '../../../i18n';
import type { AppError } from '../../../state';
import { accessExportFile, loadAccessExport, type AccessExport } from '../../../state/register';
import { errorKey } from '../../error-message';
import { download } from '../../view/download';
import { AccessPage } from './AccessPage';

export function AccessSection({ participantId, unitNames }: { participantId: string; unitNames: ReadonlyMap<string, string> }) {
  const t = useT();
  const [page, setPage] = useState<AccessExport | null>(null);
  const [busy, setBusy] = useState<AccessFormat | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const run = async (format: AccessFormat) => {
    setBusy(format);
    setError(null);
    const result = await loadAccessExport(participantId, format);
    setBusy(null);
    if (!result.ok) setError(result.error);
    // The file is named by the record's id: a name in a file name ends up in download lists.
    else if (format === 'json') download(accessExportFile(result.data), `obecni-dane-osoby-${participantId}.json`);
    else setPage(result.data);
  };

  return (
    <section class="stay-actions__part" aria-labelledby="access-section-title">
      <h3 id="access-section-title" class="card__subtitle">{t('access.title')}</h3>
      <p class="muted">{t('access.help')}</p>
      <div class="form-actions">
        <button type="button" class="button button--secondary" disabled={busy !== null} onClick={() => void run('json')}>{t('access.json')}</button>
        <button type="button" class="button button--secondary" disabled={busy !== null} onClick={() => void run('print')}>{t('access.print')}</button>
      </div>
      {error && <p class="callout callout--error" role="alert">{t(errorKey(error))}</p>}
      {page && <AccessPage data={page} unitNames={unitNames} onClose={() => setPage(null)} />}
    </section>
  );
}
