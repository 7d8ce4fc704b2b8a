/**
 * The printable A4 page of the right of access (GDPR art. 15): everything the server holds about
 * one person (view/access-page.ts lays it out). While it is open only the page prints (the rest
 * of the app is hidden by register.css); "Drukuj" opens the browser's print dialog.
 */
import { useEffect } from 'preact/hooks';
import type { AccessExport } from '../../../../protocol';
import { useFormat, useT } from '../../../i18n';
import { historyText, instantText, personFields, recordLines, type AccessWords } from '../../view/access-page';

export interface AccessPageProps { data: AccessExport; unitNames: ReadonlyMap<string, string>; onClose: () => void }

export function AccessPage({ data, unitNames, onClose }: AccessPageProps) {
  const t = useT();
  const f = useFormat();
  useEffect(() => {
    document.body.classList.add('printing-access');
    document.getElementById('access-page-title')?.focus();
    return () => document.body.classList.remove('printing-access');
  }, []);
  const person = data.person.data;
  const name = typeof person.lastName === 'string' ? `${String(person.firstName)} ${person.lastName}` : t('access.erased');
  const words: AccessWords = { t, day: f.day };
  const lines = recordLines(data, words);
  const when = (ms: number) => instantText(ms, words);

  return (
    <article class="access-page" aria-labelledby="access-page-title">
      <div class="form-actions no-print">
        <button type="button" class="button button--primary" onClick={() => window.print()}>{t('access.printNow')}</button>
        <button type="button" class="button button--secondary" onClick={onClose}>{t('access.close')}</button>
      </div>
      <h2 id="access-page-title" class="access-page__title" tabIndex={-1}>{t('access.pageTitle')}</h2>
      <p>{t('access.subject', { name })}</p>
      <p class="muted">{t('access.asOf', { time: when(data.generatedAtMs) })}</p>

      <h3 class="access-page__heading">{t('access.personal')}</h3>
      <table class="access-page__table">
        <thead><tr><th scope="col">{t('access.field')}</th><th scope="col">{t('access.value')}</th></tr></thead>
        <tbody>
          {personFields(data.person, unitNames, words).map((p) => (
            <tr key={p.field}><th scope="row">{p.label ? t(p.label) : p.field}</th><td>{p.value}</td></tr>
          ))}
        </tbody>
      </table>

      <h3 class="access-page__heading">{t('access.records')}</h3>
      {lines.length === 0 ? <p>{t('access.noRecords')}</p> : (
        <table class="access-page__table">
          <thead><tr><th scope="col">{t('access.day')}</th><th scope="col">{t('access.kind')}</th><th scope="col">{t('access.details')}</th></tr></thead>
          <tbody>
            {lines.map((l) => (
              <tr key={`${l.entity}:${l.id}`}><td>{l.day ? f.day(l.day) : '—'}</td><td>{t(`access.entity.${l.entity as 'dayMarks'}`)}</td><td>{l.text}</td></tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 class="access-page__heading">{t('access.history')}</h3>
      <table class="access-page__table">
        <thead><tr><th scope="col">{t('access.when')}</th><th scope="col">{t('access.who')}</th><th scope="col">{t('access.device')}</th><th scope="col">{t('access.changes')}</th></tr></thead>
        <tbody>
          {data.history.map((h, i) => (
            <tr key={i}><td>{when(h.atMs)}</td><td>{h.user}</td><td>{h.device}</td><td>{historyText(h, words)}</td></tr>
          ))}
        </tbody>
      </table>

      <h3 class="access-page__heading">{t('access.audit')}</h3>
      <table class="access-page__table">
        <thead><tr><th scope="col">{t('access.when')}</th><th scope="col">{t('access.action')}</th><th scope="col">{t('access.who')}</th></tr></thead>
        <tbody>
          {data.audit.map((a, i) => (
            <tr key={i}><td>{when(a.atMs)}</td><td>{a.action}</td><td>{a.user}</td></tr>
          ))}
        </tbody>
      </table>
      <p class="access-page__footer">{t('access.footer')}</p>
    </article>
  );
}
