/**
 * One occurrence in the week grid: a button (tap or Enter opens its panel) coloured by category,
 * whose text says everything the colour does: time, title, room or place, the category, and a
 * badge per kind of conflict ("sala zajęta"), moved or substitute.
 */
import type { PlanConflict, SessionOccurrence } from '../../../../domain';
import { useT } from '../../../i18n';
import type { CancelledOccurrence } from '../../../state/plan';
import { categoryKey, conflictBadgeKey, type Names } from './plan-text';

export interface PlanBlockProps {
  occurrence: SessionOccurrence;
  conflicts: readonly PlanConflict[];
  names: Names;
  onOpen: (sessionId: string) => void;
}

export function PlanBlock({ occurrence: o, conflicts, names, onOpen }: PlanBlockProps) {
  const t = useT();
  const kinds = [...new Set(conflicts.map((c) => c.kind))];
  const room = o.roomId ? names.rooms.get(o.roomId)?.name : undefined;
  const place = o.activity.kind === 'oneOff' && o.activity.place.trim() !== '' ? o.activity.place : undefined;
  const cls = ['plan-block', `plan-block--${o.activity.category}`, kinds.length > 0 ? 'plan-block--warn' : ''].filter(Boolean).join(' ');
  return (
    <button type="button" class={cls} data-session={o.sessionId} onClick={() => onOpen(o.sessionId)}>
      <span class="plan-block__time">{t('common.timeRange', { start: o.startTime, end: o.endTime })}</span>
      <span class="plan-block__title">{o.activity.title}</span>
      <span class="plan-block__meta">{[room ?? place, t(categoryKey(o.activity.category))].filter(Boolean).join(' · ')}</span>
      {(o.status === 'moved' || o.exception?.substituteStaffIds) && (
        <span class="plan-block__flags">
          {o.status === 'moved' && <span class="plan-flag">{t('plan.block.moved')}</span>}
          {o.exception?.substituteStaffIds && <span class="plan-flag">{t('plan.block.substitute')}</span>}
        </span>
      )}
      {kinds.length > 0 && (
        <span class="plan-block__badges">
          {kinds.map((k) => <span key={k} class="plan-badge"><span aria-hidden="true">⚠ </span>{t(conflictBadgeKey(k))}</span>)}
        </span>
      )}
    </button>
  );
}

/** A cancelled occurrence: struck through, still a button, so it can be restored. */
export function CancelledBlock({ item, onOpen }: { item: CancelledOccurrence; onOpen: (sessionId: string) => void }) {
  const t = useT();
  return (
    <button type="button" class="plan-block plan-block--cancelled" data-session={item.sessionId} onClick={() => onOpen(item.sessionId)}>
      <span class="plan-block__time">{t('common.timeRange', { start: item.activity.startTime, end: item.activity.endTime })}</span>
      <span class="plan-block__title"><s>{item.activity.title}</s></span>
      <span class="plan-flag">{t('plan.block.cancelled')}</span>
    </button>
  );
}
