/** Choosing who runs one occurrence instead of the planned staff (a substitute instructor). */
import { useState } from 'preact/hooks';
import type { StaffMember } from '../../../../domain';
import { useT } from '../../../i18n';
import { CheckboxField } from '../../components/CheckboxField';

export interface SubstituteFormProps {
  staff: readonly StaffMember[];
  initial: readonly string[];
  busy: boolean;
  onSave: (staffIds: string[]) => void;
  onCancel: () => void;
}

export function SubstituteForm({ staff, initial, busy, onSave, onCancel }: SubstituteFormProps) {
  const t = useT();
  const [chosen, setChosen] = useState<string[]>([...initial]);
  return (
    <form class="plan-subform" onSubmit={(e) => {
      e.preventDefault();
      onSave(chosen);
    }}>
      <fieldset class="checklist">
        <legend class="card__subtitle">{t('plan.sub.title')}</legend>
        {staff.filter((s) => s.active).map((s) => (
          <CheckboxField key={s.id} id={`sub-${s.id}`} label={`${s.firstName} ${s.lastName}${s.jobTitle ? ` (${s.jobTitle})` : ''}`} checked={chosen.includes(s.id)}
            onChange={(on) => setChosen(on ? [...chosen, s.id] : chosen.filter((id) => id !== s.id))} />
        ))}
      </fieldset>
      <div class="dialog__actions">
        <button type="button" class="button button--secondary" onClick={onCancel}>{t('plan.form.cancel')}</button>
        <button type="submit" class="button button--primary" disabled={busy}>{t('plan.sub.save')}</button>
      </div>
    </form>
  );
}
