/**
 * The changes that never reached the server (refused for good, or set aside unsent because they
 * were too large or unreadable): what kind of record, why, and when. Shown in the sync card only
 * when there are some, so a therapist learns that a change was not saved rather than assuming it.
 */
import { useFormat, useT } from '../../../i18n';
import { useRejectedChanges, useToday } from '../../../state';
import { entityKindKey, rejectedReasonKey } from '../../error-message';

/** The list of refused changes, newest first; nothing while there are none. */
export function RejectedChanges() {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const { data } = useRejectedChanges();
  if (!data || data.total === 0) return null;
  const older = data.total - data.newest.length;
  return (
    <div class="callout callout--error" role="region" aria-labelledby="sync-rejected">
      <h3 id="sync-rejected">{t('sync.rejected.title')}</h3>
      <p>{t('sync.rejected.intro')}</p>
      <ul>
        {data.newest.map((change) => (
          <li key={change.seq}>
            {t('sync.rejected.item', { time: f.timestamp(change.rejectedAtMs, today), kind: t(entityKindKey(change.entity)), reason: t(rejectedReasonKey(change.reason)) })}
          </li>
        ))}
      </ul>
      {older > 0 && <p>{t('sync.rejected.more', { count: older })}</p>}
    </div>
  );
}
