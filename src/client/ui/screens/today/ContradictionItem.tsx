/**
 * One contradiction between the driver's mark and the day's mark (issue 13), as something to
 * decide: both sources with their times, and the two ways out — keep the day mark (recorded
 * against this driver's mark) or change it to what the driver saw. Shown on Today and on the
 * person's attendance row.
 */
import { useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import type { ActionResult } from '../../../state';
import { markDay } from '../../../state/attendance';
import { keepDayMark, type ShownContradiction } from '../../../state/transport';
import { errorKey } from '../../error-message';

export function ContradictionItem({ c, unitId, name, canDecide }: { c: ShownContradiction; unitId: string; name: string; canDecide: boolean }) {
  const t = useT();
  const [result, setResult] = useState<ActionResult | null>(null);
  const kind = t(`conflict.kind.${c.event.kind}`);
  const away = c.kind === 'driverAway';
  const follow = () => (away
    ? markDay(unitId, c.day, c.participantId, { status: 'absent', absenceReason: 'other', note: t('conflict.absentNote', { time: c.event.time }) })
    : markDay(unitId, c.day, c.participantId, { status: 'present' }));
  return (
    <div class="conflict" role="group" aria-label={t('conflict.person', { name })}>
      <p class="conflict__title">{t('conflict.person', { name })}</p>
      <ul class="conflict__sources">
        <li>{c.routeName
          ? t('conflict.driverRoute', { route: c.routeName, kind, time: c.event.time })
          : t('conflict.driver', { kind, time: c.event.time })}</li>
        <li>{t('conflict.mark', { status: t(`conflict.status.${c.mark.status}`), time: c.markedAt })}</li>
      </ul>
      {canDecide && (
        <div class="conflict__actions" role="group" aria-label={t('conflict.actions', { name })}>
          <button type="button" class="button button--secondary" onClick={() => void keepDayMark(c).then(setResult)}>
            {t(away ? 'conflict.keepPresent' : 'conflict.keepAbsent')}
          </button>
          <button type="button" class="button button--primary" onClick={() => void follow().then(setResult)}>
            {t(away ? 'conflict.markAbsent' : 'conflict.markPresent')}
          </button>
        </div>
      )}
      {result && !result.ok && <p class="callout callout--error" role="alert">{t(errorKey(result.error))}</p>}
    </div>
  );
}
