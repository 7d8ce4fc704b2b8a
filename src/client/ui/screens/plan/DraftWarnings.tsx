/**
 * The warnings a new or edited activity would cause, shown live under the form before saving
 * (the same rules as the week view, `conflictsForDraft`): grouped so a weekly clash reads once
 * with "and 3 more dates". They never block saving.
 */
import type { PlanConflict } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { conflictLines, type Names } from './plan-text';

/** `ready` is false while the form has errors: the check needs a complete activity. */
export function DraftWarnings({ conflicts, names, ready }: { conflicts: readonly PlanConflict[]; names: Names; ready: boolean }) {
  const t = useT();
  const f = useFormat();
  const groups = new Map<string, { first: PlanConflict; more: number; text: string }>();
  for (const { conflict: c, text, key } of conflictLines(t, conflicts, names)) {
    const g = groups.get(key);
    if (g) g.more += 1;
    else groups.set(key, { first: c, more: 0, text });
  }
  return (
    <section class={`plan-draft${conflicts.length > 0 ? ' plan-draft--warn' : ''}`} aria-labelledby="draft-warnings-title" aria-live="polite">
      <h3 id="draft-warnings-title" class="card__subtitle">{t('plan.draft.title')}</h3>
      {!ready ? <p class="muted">{t('plan.draft.incomplete')}</p> : conflicts.length === 0 ? <p class="muted">{t('plan.draft.none')}</p> : (
        <>
          <p>{t('plan.draft.lead')}</p>
          <ul class="plan-warnings">
            {[...groups.values()].map((g) => (
              <li key={g.text}>
                <span aria-hidden="true">⚠ </span>{t('plan.draft.item', { day: f.day(g.first.day), text: g.text })}
                {g.more > 0 && ` (${t('plan.draft.more', { count: g.more })})`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
