/**
 * Warnings about the device's storage before anything fails (issue 17.2, 17.7): the quota nearly
 * used up (at 80 %), or, on the sign-in page, a window whose data is not kept and whose quota is
 * tiny (a private window).
 */
import { useFormat, useT } from '../../i18n';
import { useStorageWarning } from '../../state';

/** The warning as a banner (`banner`, in the header) or a callout (`callout`, on the sign-in page). */
export function StorageWarning({ look }: { look: 'banner' | 'callout' }) {
  const t = useT();
  const f = useFormat();
  const warning = useStorageWarning();
  if (!warning || (look === 'banner' && warning.kind !== 'nearlyFull')) return null;
  const text = warning.kind === 'nearlyFull'
    ? t('storage.nearlyFull', { percent: warning.percent, used: f.megabytes(warning.usage), quota: f.megabytes(warning.quota) })
    : t('storage.notKept', { quota: f.megabytes(warning.quota) });
  return (
    <div class={look === 'banner' ? 'banner banner--warning' : 'callout callout--warning'} role="status">
      <p class={look === 'banner' ? 'banner__text' : undefined}>{text}</p>
    </div>
  );
}
