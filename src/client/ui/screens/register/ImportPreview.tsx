/**
 * The preview of an import as a table: every data line with the name and birth date as the app
 * understood them, the PESEL, and what is wrong with the line (its errors, a likely duplicate).
 * The first 200 lines are shown; the error list above names every line.
 */
import { isDay, type ImportPreview as Preview } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { listName } from '../../view/people';

const SHOWN = 200;

export function ImportPreview({ preview }: { preview: Preview }) {
  const t = useT();
  const f = useFormat();
  const issuesByLine = new Map<number, number>();
  for (const issue of preview.issues) issuesByLine.set(issue.line, (issuesByLine.get(issue.line) ?? 0) + 1);
  return (
    <>
      <h3 id="import-preview-title" class="card__subtitle">
        {t('import.preview')} · {t('import.rows', { count: preview.rows.length })}
      </h3>
      {preview.rows.length > SHOWN && <p class="muted">{t('import.previewFirst', { count: SHOWN })}</p>}
      <div class="table-scroll" role="region" aria-labelledby="import-preview-title" tabIndex={0}>
        <table class="import-table">
          <thead>
            <tr>
              <th scope="col">{t('import.line')}</th>
              <th scope="col">{t('import.person')}</th>
              <th scope="col">{t('form.birthDate')}</th>
              <th scope="col">PESEL</th>
              <th scope="col">{t('import.remarks')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, SHOWN).map((r) => {
              const errors = issuesByLine.get(r.line) ?? 0;
              return (
                <tr key={r.line} class={errors > 0 ? 'import-table__row--error' : undefined}>
                  <td>{r.line}</td>
                  <th scope="row">{listName(r.record)}</th>
                  <td>{isDay(r.record.birthDate) ? f.day(r.record.birthDate) : r.record.birthDate}</td>
                  <td>{r.record.pesel ?? '—'}</td>
                  <td>
                    {errors > 0 && <span class="badge badge--absent">{t('import.lineErrors', { count: errors })}</span>}
                    {r.duplicate && (
                      <span class="badge badge--excused">
                        {r.duplicate === 'inRegister' ? t('import.duplicateInRegister') : t('import.duplicateLine', { line: r.duplicate.slice(5) })}
                      </span>
                    )}
                    {errors === 0 && !r.duplicate && <span class="muted">{t('import.lineOk')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
