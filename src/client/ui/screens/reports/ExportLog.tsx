/** Administrators: who exported or printed which report, and when (from the server's audit log; online only). */
import { useState } from 'preact/hooks';
import { useFormat, useT } from '../../../i18n';
import { useToday, useUnits } from '../../../state';
import { loadExportLog, type ExportLogEntry } from '../../../state/reports';

export function ExportLog() {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const units = useUnits();
  const [state, setState] = useState<{ entries: ExportLogEntry[] } | 'loading' | 'failed' | null>(null);
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? '—';
  const load = () => {
    setState('loading');
    void loadExportLog().then((r) => setState(r.ok ? { entries: r.value.exports } : 'failed'));
  };
  return (
    <section class="card no-print">
      <h2 id="export-log-title" class="card__title">{t('reports.exportLog')}</h2>
      <button type="button" class="button button--secondary" onClick={load} disabled={state === 'loading'}>{t('reports.exportLogShow')}</button>
      <div role="status" aria-live="polite">
        {state === 'loading' && <p class="loading">{t('common.loading')}</p>}
        {state === 'failed' && <p class="callout callout--error">{t('reports.exportLogNeedsNetwork')}</p>}
      </div>
      {typeof state === 'object' && state !== null && (state.entries.length === 0 ? <p class="muted">{t('reports.exportLogEmpty')}</p> : (
        <div class="sheet-scroll" role="region" aria-labelledby="export-log-title" tabIndex={0}>
          <table class="sheet report-table">
            <thead>
              <tr>
                <th scope="col">{t('reports.exportWhen')}</th>
                <th scope="col">{t('reports.exportWho')}</th>
                <th scope="col">{t('reports.exportWhat')}</th>
                <th scope="col">{t('reports.exportRange')}</th>
                <th scope="col">{t('reports.exportFormat')}</th>
                <th scope="col">{t('reports.exportRows')}</th>
              </tr>
            </thead>
            <tbody>
              {state.entries.map((e) => (
                <tr key={e.exportId}>
                  <td>{f.timestamp(e.deviceAtMs, today)}</td>
                  <td>{e.user} ({e.device})</td>
                  <td>{t(`reports.report.${e.report}`)} · {unitName(e.unitId)}</td>
                  <td>{f.day(e.from)} – {f.day(e.to)}</td>
                  <td>{t(`reports.format.${e.format}`)}</td>
                  <td class="sheet__num">{f.number(e.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
