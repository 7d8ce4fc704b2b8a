/** "Nowy semestr": the weekly classes of a template day copied into a new term (the old ones end the day before). */
import { useState } from 'preact/hooks';
import { isDay } from '../../../../domain';
import { newTermFromTemplate } from '../../../../domain/rules/plan';
import { useT } from '../../../i18n';
import type { ActionResult } from '../../../state';
import { startNewTerm, type PlanWeek } from '../../../state/plan';
import { InputField } from '../../components/InputField';
import { PlanDialog } from './PlanDialog';

export interface NewTermDialogProps {
  week: PlanWeek;
  today: string;
  onResult: (result: ActionResult, message: string) => void;
  onClose: () => void;
}

export function NewTermDialog({ week, today, onResult, onClose }: NewTermDialogProps) {
  const t = useT();
  const [template, setTemplate] = useState(today);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = {
    template: isDay(template) ? undefined : t('form.error.invalidDay'),
    from: !isDay(from) ? t('form.error.invalidDay') : isDay(template) && from <= template ? t('plan.error.termFrom') : undefined,
    to: to === '' ? undefined : !isDay(to) ? t('form.error.invalidDay') : isDay(from) && to < from ? t('plan.error.validToBeforeFrom') : undefined,
  };
  const valid = !errors.template && !errors.from && !errors.to;
  const count = isDay(template) ? newTermFromTemplate(week.activities, week.unit.id, template, isDay(from) ? from : template, null).created.length : 0;
  const submit = async (e: Event) => {
    e.preventDefault();
    setShown(true);
    if (!valid) return;
    setBusy(true);
    const result = await startNewTerm(week.activities, week.unit.id, template, from, to === '' ? null : to);
    setBusy(false);
    onResult(result, t('plan.saved.term', { count: result.ok ? result.count ?? 0 : 0 }));
    if (result.ok) onClose();
  };
  return (
    <PlanDialog id="new-term" title={t('plan.term.title')} onClose={onClose}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <p>{t('plan.term.lead')}</p>
        <InputField id="term-template" type="date" label={t('plan.term.template')} value={template} onInput={setTemplate} error={shown ? errors.template : undefined} />
        <p role="status">{t('plan.term.preview', { count })}</p>
        <div class="form-row">
          <InputField id="term-from" type="date" label={t('plan.term.from')} value={from} onInput={setFrom} error={shown ? errors.from : undefined} required />
          <InputField id="term-to" type="date" label={t('plan.term.to')} hint={t('plan.form.validToHint')} value={to} onInput={setTo} error={shown ? errors.to : undefined} />
        </div>
        <div class="dialog__actions">
          <button type="button" class="button button--secondary" onClick={onClose}>{t('plan.form.cancel')}</button>
          <button type="submit" class="button button--primary" disabled={busy || count === 0}>{t('plan.term.save')}</button>
        </div>
      </form>
    </PlanDialog>
  );
}
