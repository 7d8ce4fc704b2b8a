/** The week's warnings as sentences, each opening its occurrence (the grid's badges say which blocks). */
import type { PlanConflict } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { conflictText, type Names } from './plan-text';

export function ConflictList({ conflicts, names, onOpen }: { conflicts: readonly PlanConflict[]; names: Names; onOpen: (sessionId: string) => void }) {
  const t = useT();
  const f = useFormat();
  return (
    <section class="card plan-conflicts" aria-labelledby="plan-conflicts-title">
      <h2 id="plan-conflicts-title" class="card__title">
        {t('plan.conflicts.title')}{conflicts.length > 0 && ` (${t('plan.conflicts.count', { count: conflicts.length })})`}
      </h2>
      {conflicts.length === 0 ? <p class="muted">{t('plan.conflicts.none')}</p> : (
        <ul class="plan-warnings">
          {conflicts.map((c, i) => (
            <li key={i}>
              <button type="button" class="link-button" onClick={() => onOpen(c.occurrenceIds[0] ?? '')}>
                <span aria-hidden="true">⚠ </span>{t('plan.draft.item', { day: f.day(c.day), text: conflictText(t, c, names) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
