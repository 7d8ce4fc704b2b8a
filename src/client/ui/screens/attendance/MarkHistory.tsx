/**
 * The history of one day mark from the server: every accepted change with who, when and from
 * which device, and the changes that lost to a later one. Loaded on request (needs the network).
 */
import { useState } from 'preact/hooks';
import { useFormat, useT, type TextKey } from '../../../i18n';
import { loadHistory, useToday, type AppError, type HistoryEntry } from '../../../state';
import { errorKey } from '../../error-message';

const FIELDS = ['status', 'absenceReason', 'arrivalTime', 'leaveTime', 'note'] as const;

export function MarkHistory({ recordId }: { recordId: string }) {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (field === 'status') return t(`mark.${v as 'present' | 'absent' | 'excused'}`);
    if (field === 'absenceReason') return t(`absenceReason.${v as 'illness'}`);
    return String(v);
  };
  const describe = (e: HistoryEntry): string => e.changes
    .filter((c) => c.field === 'deleted' || (FIELDS as readonly string[]).includes(c.field))
    .map((c) => {
      if (c.field === 'deleted') return t(c.after === true ? 'history.deleted' : 'history.created');
      const change = `${t(`history.field.${c.field}` as TextKey)}: ${value(c.field, c.before)} → ${value(c.field, c.after)}`;
      // A create-only default is not something the user chose: say so.
      return c.isDefault ? t('history.default', { change }) : change;
    })
    .join('; ');

  const load = async () => {
    setBusy(true);
    const result = await loadHistory('dayMarks', recordId);
    setBusy(false);
    if (result.ok) {
      setEntries(result.entries);
      setError(null);
    } else {
      setError(result.error);
    }
  };

  return (
    <div class="history">
      {entries === null ? (
        <button type="button" class="button button--secondary" disabled={busy} onClick={() => void load()}>{t('history.show')}</button>
      ) : (
        <>
          <h4 class="history__title">{t('history.title')}</h4>
          {entries.length === 0 ? <p class="muted">{t('history.empty')}</p> : (
            <ol class="history__list">
              {entries.map((e, i) => (
                <li key={i} class={e.superseded ? 'history__item history__item--superseded' : 'history__item'}>
                  <span class="history__who">{t('history.entry', { time: f.timestamp(e.atMs, today), user: e.user, device: e.device })}</span>
                  <span>{e.superseded ? t('history.superseded') : describe(e)}</span>
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
