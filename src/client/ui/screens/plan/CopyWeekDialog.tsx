/** "Kopiuj tydzień": the shown week's one-off events copied to another week, with a count first. */
import { useState } from 'preact/hooks';
import { addDays, isDay } from '../../../../domain';
import { copyWeekOneOffs } from '../../../../domain/rules/plan';
import { useFormat, useT } from '../../../i18n';
import type { ActionResult } from '../../../state';
import { copyWeek, type PlanWeek } from '../../../state/plan';
import { InputField } from '../../components/InputField';
import { PlanDialog } from './PlanDialog';

export interface CopyWeekDialogProps {
  week: PlanWeek;
  onResult: (result: ActionResult, message: string) => void;
  onClose: () => void;
}

export function CopyWeekDialog({ week, onResult, onClose }: CopyWeekDialogProps) {
  const t = useT();
  const f = useFormat();
  const [target, setTarget] = useState(addDays(week.weekStart, 7));
  const [busy, setBusy] = useState(false);
  const valid = isDay(target);
  const count = valid ? copyWeekOneOffs(week.activities, week.unit.id, week.weekStart, target).length : 0;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!valid) return;
    setBusy(true);
    const result = await copyWeek(week.activities, week.unit.id, week.weekStart, target);
    setBusy(false);
    onResult(result, result.ok && (result.count ?? 0) > 0 ? t('plan.saved.copy', { count: result.count ?? 0 }) : t('plan.saved.copyNone'));
    if (result.ok) onClose();
  };
  return (
    <PlanDialog id="copy-week" title={t('plan.copyWeek')} onClose={onClose}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <p>{t('plan.copy.lead', { from: f.day(week.weekStart), to: f.day(addDays(week.weekStart, 6)) })}</p>
        <InputField id="copy-target" type="date" label={t('plan.copy.target')} value={target} onInput={setTarget} error={valid ? undefined : t('form.error.invalidDay')} />
        <p role="status">{t('plan.copy.preview', { count })}</p>
        <div class="dialog__actions">
          <button type="button" class="button button--secondary" onClick={onClose}>{t('plan.form.cancel')}</button>
          <button type="submit" class="button button--primary" disabled={busy || !valid || count === 0}>{t('plan.copy.save')}</button>
        </div>
      </form>
    </PlanDialog>
  );
}
