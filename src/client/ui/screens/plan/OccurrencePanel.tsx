/**
 * The panel of one occurrence: when, where, who runs it and who takes part, its warnings, and
 * for coordinators the exceptions of this one date (cancel, move, substitute) without touching
 * the rest of the series, or "edit the whole series".
 */
import { useState } from 'preact/hooks';
import type { Activity } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import type { ActionResult } from '../../../state';
import { cancelOccurrence, moveOccurrence, restoreOccurrence, substituteOccurrence, type PlanWeek } from '../../../state/plan';
import { weekdayShortKeys } from '../../view/people';
import { MoveForm } from './MoveForm';
import { PlanDialog } from './PlanDialog';
import { categoryKey, conflictText, staffNames, type Names } from './plan-text';
import { SubstituteForm } from './SubstituteForm';
import { audienceOf } from './week-model';

export interface OccurrencePanelProps {
  week: PlanWeek;
  sessionId: string;
  canEdit: boolean;
  names: Names;
  onEdit: (activity: Activity) => void;
  onResult: (result: ActionResult, message: string) => void;
  onClose: () => void;
}

export function OccurrencePanel({ week, sessionId, canEdit, names, onEdit, onResult, onClose }: OccurrencePanelProps) {
  const t = useT();
  const f = useFormat();
  const [mode, setMode] = useState<'view' | 'move' | 'substitute'>('view');
  const [busy, setBusy] = useState(false);
  const occ = week.occurrences.find((o) => o.sessionId === sessionId);
  const cancelled = occ ? undefined : week.cancelled.find((c) => c.sessionId === sessionId);
  const activity = occ?.activity ?? cancelled?.activity;
  if (!activity) return null;
  const plannedDay = occ?.plannedDay ?? cancelled?.day ?? '';
  const day = occ?.day ?? plannedDay;
  const start = occ?.startTime ?? activity.startTime;
  const end = occ?.endTime ?? activity.endTime;
  const conflicts = week.conflicts.filter((c) => c.occurrenceIds.includes(sessionId));
  const people = occ ? audienceOf(week.participants, occ) : [];
  const audience = activity.audience;
  const who = audience.type === 'unit' ? t('plan.audience.unit')
    : audience.type === 'studio' ? t('plan.audience.studio', { name: names.rooms.get(audience.studioId)?.name ?? '—' }) : t('plan.audience.people');
  const substitutes = occ?.exception?.substituteStaffIds ?? null;
  const label = { title: activity.title, day: f.day(plannedDay) };

  const run = async (action: () => Promise<ActionResult>, message: string) => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    onResult(result, message);
    if (result.ok) onClose();
  };

  return (
    <PlanDialog id="occurrence-panel" title={activity.title} onClose={onClose}>
      <dl class="plan-facts">
        <div><dt class="visually-hidden">{t('plan.form.when')}</dt><dd>{t('plan.panel.when', { day: f.longDay(day), time: t('common.timeRange', { start, end }) })}</dd></div>
        {occ?.status === 'moved' && <div><dd>{t('plan.panel.movedFrom', { day: f.day(plannedDay), time: t('common.timeRange', { start: activity.startTime, end: activity.endTime }) })}</dd></div>}
        <div><dd>{activity.roomId ? t('plan.panel.room', { room: names.rooms.get(activity.roomId)?.name ?? '—' }) : t('plan.panel.noRoom')}</dd></div>
        {activity.kind === 'oneOff' && activity.place.trim() !== '' && <div><dd>{t('plan.panel.place', { place: activity.place })}</dd></div>}
        {activity.kind === 'oneOff' && activity.needsBus && <div><dd>{t('plan.panel.bus')}</dd></div>}
        <div><dd>
          {substitutes
            ? t('plan.panel.substitute', { names: staffNames(substitutes, names) || '—', planned: staffNames(activity.staffIds, names) || '—' })
            : activity.staffIds.length > 0 ? t('plan.panel.staff', { names: staffNames(activity.staffIds, names) }) : t('plan.panel.noStaff')}
        </dd></div>
        <div><dd>{t('plan.panel.audience', { who })}{occ && ` (${t('count.participants', { count: people.length })})`}</dd></div>
        <div><dd>{t('plan.panel.category', { category: t(categoryKey(activity.category)) })}</dd></div>
        <div><dd>{activity.kind === 'recurring' ? t('plan.panel.series', { days: weekdayShortKeys(activity.weekdays).map((k) => t(k)).join(', ') }) : t('plan.panel.oneOff')}</dd></div>
      </dl>
      {cancelled && <p class="callout callout--warning">{t('plan.panel.cancelled')}</p>}
      {conflicts.length > 0 && (
        <section class="plan-panel__warnings" aria-labelledby="occurrence-warnings">
          <h3 id="occurrence-warnings" class="card__subtitle">{t('plan.panel.warnings')}</h3>
          <ul class="plan-warnings">{conflicts.map((c, i) => <li key={i}><span aria-hidden="true">⚠ </span>{conflictText(t, c, names)}</li>)}</ul>
        </section>
      )}
      {canEdit && mode === 'move' && occ && (
        <MoveForm initial={{ day, startTime: start, endTime: end }} busy={busy} onCancel={() => setMode('view')}
          onSave={(to) => void run(() => moveOccurrence(activity, plannedDay, to), t('plan.saved.move', label))} />
      )}
      {canEdit && mode === 'substitute' && occ && (
        <SubstituteForm staff={week.staff} initial={substitutes ?? activity.staffIds} busy={busy} onCancel={() => setMode('view')}
          onSave={(ids) => void run(() => substituteOccurrence(activity, plannedDay, ids), t('plan.saved.substitute', label))} />
      )}
      {canEdit && mode === 'view' && (
        <div class="plan-actions">
          {cancelled ? (
            <button type="button" class="button button--primary" disabled={busy} onClick={() => void run(() => restoreOccurrence(activity, plannedDay), t('plan.saved.restore', label))}>{t('plan.action.restore')}</button>
          ) : (
            <>
              <button type="button" class="button button--danger" disabled={busy} onClick={() => void run(() => cancelOccurrence(activity, plannedDay), t('plan.saved.cancel', label))}>{t('plan.action.cancel')}</button>
              <button type="button" class="button button--secondary" disabled={busy} onClick={() => setMode('move')}>{t('plan.action.move')}</button>
              <button type="button" class="button button--secondary" disabled={busy} onClick={() => setMode('substitute')}>{t('plan.action.substitute')}</button>
              {occ?.status === 'moved' && (
                <button type="button" class="button button--secondary" disabled={busy} onClick={() => void run(() => restoreOccurrence(activity, plannedDay), t('plan.saved.restore', label))}>{t('plan.action.resetMove')}</button>
              )}
              {substitutes && (
                <button type="button" class="button button--secondary" disabled={busy} onClick={() => void run(() => substituteOccurrence(activity, plannedDay, null), t('plan.saved.substitute', label))}>{t('plan.action.resetStaff')}</button>
              )}
            </>
          )}
          <button type="button" class="button button--secondary" disabled={busy} onClick={() => onEdit(activity)}>
            {activity.kind === 'recurring' ? t('plan.action.edit') : t('plan.action.editOneOff')}
          </button>
        </div>
      )}
    </PlanDialog>
  );
}
