/**
 * The week's warnings as sentences (people in the same two classes on one line), each opening its
 * occurrence; the first ten are shown, the rest one tap away. The grid's badges say which blocks.
 */
import { useState } from 'preact/hooks';
import type { PlanConflict } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { conflictLines, type Names } from './plan-text';

const FIRST = 10;

export function ConflictList({ conflicts, names, onOpen }: { conflicts: readonly PlanConflict[]; names: Names; onOpen: (sessionId: string) => void }) {
  const t = useT();
  const f = useFormat();
  const [all, setAll] = useState(false);
  const lines = conflictLines(t, conflicts, names);
  const shown = all ? lines : lines.slice(0, FIRST);
  return (
    <section class="card plan-conflicts" aria-labelledby="plan-conflicts-title">
      <h2 id="plan-conflicts-title" class="card__title">
        {t('plan.conflicts.title')}{lines.length > 0 && ` (${t('plan.conflicts.count', { count: lines.length })})`}
      </h2>
      {lines.length === 0 ? <p class="muted">{t('plan.conflicts.none')}</p> : (
        <>
          <ul class="plan-warnings">
            {shown.map((line, i) => (
              <li key={i}>
                <button type="button" onClick={() => onOpen(line.conflict.occurrenceIds[0] ?? '')}>
                  <span aria-hidden="true">⚠ </span>{t('plan.draft.item', { day: f.day(line.conflict.day), text: line.text })}
                </button>
              </li>
            ))}
          </ul>
          {lines.length > FIRST && !all && (
            <button type="button" class="button button--secondary" onClick={() => setAll(true)}>{t('plan.conflicts.showAll')}</button>
          )}
        </>
      )}
    </section>
  );
}
