/** Moving one occurrence to another day or time (the rest of the series stays where it was). */
import { useState } from 'preact/hooks';
import { isDay } from '../../../../domain';
import { useT } from '../../../i18n';
import { InputField } from '../../components/InputField';
import { TimeField } from '../../components/TimeField';

export interface MoveTarget { day: string; startTime: string; endTime: string }

export function MoveForm({ initial, busy, onSave, onCancel }: { initial: MoveTarget; busy: boolean; onSave: (to: MoveTarget) => void; onCancel: () => void }) {
  const t = useT();
  const [v, setV] = useState(initial);
  const [shown, setShown] = useState(false);
  const errors = {
    day: isDay(v.day) ? undefined : t('form.error.invalidDay'),
    startTime: /^\d\d:\d\d$/.test(v.startTime) ? undefined : t('form.error.invalidTime'),
    endTime: !/^\d\d:\d\d$/.test(v.endTime) ? t('form.error.invalidTime') : v.endTime <= v.startTime ? t('plan.error.endBeforeStart') : undefined,
  };
  const ok = !errors.day && !errors.startTime && !errors.endTime;
  return (
    <form class="plan-subform" noValidate onSubmit={(e) => {
      e.preventDefault();
      setShown(true);
      if (ok) onSave(v);
    }}>
      <h3 class="card__subtitle">{t('plan.move.title')}</h3>
      <InputField id="move-day" type="date" label={t('plan.move.day')} value={v.day} onInput={(day) => setV({ ...v, day })} error={shown ? errors.day : undefined} />
      <div class="form-row">
        <TimeField id="move-start" label={t('plan.move.start')} value={v.startTime} onInput={(startTime) => setV({ ...v, startTime })} error={shown ? errors.startTime : undefined} />
        <TimeField id="move-end" label={t('plan.move.end')} value={v.endTime} onInput={(endTime) => setV({ ...v, endTime })} error={shown ? errors.endTime : undefined} />
      </div>
      <div class="dialog__actions">
        <button type="button" class="button button--secondary" onClick={onCancel}>{t('plan.form.cancel')}</button>
        <button type="submit" class="button button--primary" disabled={busy}>{t('plan.move.save')}</button>
      </div>
    </form>
  );
}
