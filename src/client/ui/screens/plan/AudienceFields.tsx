/** The "who and where" part of the activity form: room, staff, who takes part, capacity. */
import type { TextKey } from '../../../i18n';
import { useT } from '../../../i18n';
import type { PlanWeek } from '../../../state/plan';
import { CheckboxField } from '../../components/CheckboxField';
import { InputField } from '../../components/InputField';
import { SelectField } from '../../components/SelectField';
import { listName } from '../../view/people';
import type { ActivityFormValues } from './activity-form';

export interface AudienceFieldsProps {
  week: PlanWeek;
  values: ActivityFormValues;
  set: (patch: Partial<ActivityFormValues>) => void;
  err: (field: keyof ActivityFormValues) => string | undefined;
}

const AUDIENCES: readonly { value: ActivityFormValues['audienceType']; label: TextKey }[] = [
  { value: 'unit', label: 'plan.form.audience.unit' },
  { value: 'studio', label: 'plan.form.audience.studio' },
  { value: 'people', label: 'plan.form.audience.people' },
];

export function AudienceFields({ week, values: v, set, err }: AudienceFieldsProps) {
  const t = useT();
  const studios = week.rooms.filter((r) => r.isStudio);
  const people = week.participants.filter((p) => p.status === 'active');
  return (
    <fieldset class="form-section">
      <legend class="form-section__title">{t('plan.form.who')}</legend>
      <SelectField id="a-room" label={t('plan.form.room')} value={v.roomId} onChange={(roomId) => set({ roomId })}
        options={[{ value: '', label: t('plan.form.noRoom') }, ...week.rooms.map((r) => ({ value: r.id, label: r.name }))]} />
      <fieldset class="checklist">
        <legend class="field__label">{t('plan.form.staff')}</legend>
        {week.staff.filter((s) => s.active || v.staffIds.includes(s.id)).map((s) => (
          <CheckboxField key={s.id} id={`a-staff-${s.id}`} label={`${s.firstName} ${s.lastName}`} checked={v.staffIds.includes(s.id)}
            onChange={(on) => set({ staffIds: on ? [...v.staffIds, s.id] : v.staffIds.filter((id) => id !== s.id) })} />
        ))}
      </fieldset>
      <fieldset class="segmented">
        <legend class="field__label">{t('plan.form.audience')}</legend>
        {AUDIENCES.map((a) => (
          <label key={a.value} class={`segmented__option${v.audienceType === a.value ? ' segmented__option--on' : ''}`}>
            <input type="radio" name="a-audience" value={a.value} checked={v.audienceType === a.value} onChange={() => set({ audienceType: a.value })} />
            {t(a.label)}
          </label>
        ))}
      </fieldset>
      {v.audienceType === 'studio' && (
        <SelectField id="a-studioId" label={t('plan.form.studio')} value={v.studioId} placeholder={t('plan.form.chooseStudio')} onChange={(studioId) => set({ studioId })}
          options={studios.map((r) => ({ value: r.id, label: r.name }))} error={err('studioId')} />
      )}
      {v.audienceType === 'people' && (
        <fieldset class="checklist plan-people" aria-describedby={err('participantIds') ? 'a-people-error' : undefined}>
          <legend class="field__label">{t('plan.form.people')}</legend>
          {people.map((p) => (
            <CheckboxField key={p.id} id={`a-person-${p.id}`} label={listName(p)} checked={v.participantIds.includes(p.id)}
              onChange={(on) => set({ participantIds: on ? [...v.participantIds, p.id] : v.participantIds.filter((id) => id !== p.id) })} />
          ))}
          {err('participantIds') && <p id="a-people-error" class="field__error">{err('participantIds')}</p>}
        </fieldset>
      )}
      <InputField id="a-capacity" label={t('plan.form.capacity')} hint={t('plan.form.capacityHint')} value={v.capacity} onInput={(capacity) => set({ capacity })} error={err('capacity')} />
    </fieldset>
  );
}
