/**
 * Earlier stays of a person (admissions, discharges with their reasons, moves between units)
 * from the server's history of the record. Loaded on request, because it needs the network.
 */
import { useState } from 'preact/hooks';
import { useFormat, useT } from '../../../i18n';
import { loadHistory, useToday, type AppError } from '../../../state';
import { errorKey } from '../../error-message';
import { stayHistory, type StayChange, type StayEntry } from '../../view/stay-history';

const LABELS = {
  status: 'form.status', admissionDate: 'form.admissionDate', dischargeDate: 'form.dischargeDate', dischargeReason: 'form.dischargeReason', unitId: 'form.unit',
} as const;

export function StayHistory({ participantId, unitNames }: { participantId: string; unitNames: ReadonlyMap<string, string> }) {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const [entries, setEntries] = useState<StayEntry[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const value = (c: StayChange, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (c.field === 'status') return t(`status.${v as 'active'}`);
    if (c.field === 'admissionDate' || c.field === 'dischargeDate') return f.day(String(v));
    if (c.field === 'unitId') return unitNames.get(String(v)) ?? '—';
    return String(v);
  };
  const describe = (c: StayChange): string => {
    if (c.field === 'created') return t('history.created');
    if (c.field === 'deleted') return t('history.deleted');
    const change = `${t(LABELS[c.field])}: ${value(c, c.before)} → ${value(c, c.after)}`;
    return c.isDefault ? t('history.default', { change }) : change;
  };
  const load = async () => {
    setBusy(true);
    const result = await loadHistory('participants', participantId);
    setBusy(false);
    if (result.ok) {
      setEntries(stayHistory(result.entries));
      setError(null);
    } else {
      setError(result.error);
    }
  };

  return (
    <div class="history">
      {entries === null ? (
        <button type="button" class="button button--secondary" disabled={busy} onClick={() => void load()}>{t('stay.showHistory')}</button>
      ) : (
        <>
          <h4 class="history__title">{t('stay.historyTitle')}</h4>
          {entries.length === 0 ? <p class="muted">{t('history.empty')}</p> : (
            <ol class="history__list">
              {entries.map((e, i) => (
                <li key={i} class="history__item">
                  <span class="history__who">{t('history.entry', { time: f.timestamp(e.atMs, today), user: e.user, device: e.device })}</span>
                  <span>{e.changes.map(describe).join('; ')}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      <p role="status" class="muted">{busy ? t('history.loading') : ''}</p>
      {error && <p class="callout callout--error" role="alert">{t(errorKey(error))}</p>}
    </div>
  );
}
