/** Personal data and the stay at the centre: names, birth date, PESEL, unit, status, studio, days, admission and discharge. */
import { PARTICIPANT_STATUSES, type Participant, type Room, type Unit } from '../../../../domain';
import { InputField } from '../../components/InputField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FormBinding } from './form-context';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface PersonalSectionProps {
  b: FormBinding;
  /** Studios of the unit chosen in the form. */
  studios: readonly Room[];
  /** Units this device holds: more than one lets the person be moved to another unit. */
  units: readonly Unit[];
  /**
   * The stored person's status (null for a new one). Striking off is its own action with a date
   * and a reason (StayActions), so "skreślony" is offered here only to correct a struck-off record.
   */
  storedStatus: Participant['status'] | null;
}

export function PersonalSection({ b, studios, units, storedStatus }: PersonalSectionProps) {
  const { values: v, set, error, warning, t } = b;
  return (
    <>
      <fieldset class="form-section">
        <legend class="form-section__title">{t('form.personal')}</legend>
        <div class="form-row">
          <TextField id="p-firstName" label={t('form.firstName')} value={v.firstName} onInput={(x) => set({ firstName: x })} required error={error('firstName')} />
          <TextField id="p-lastName" label={t('form.lastName')} value={v.lastName} onInput={(x) => set({ lastName: x })} required error={error('lastName')} />
        </div>
        <div class="form-row">
          <InputField id="p-birthDate" type="date" label={t('form.birthDate')} value={v.birthDate} onInput={(x) => set({ birthDate: x })} required
            error={error('birthDate')} warning={warning('birthDate')} />
          <TextField id="p-pesel" label={t('form.pesel')} value={v.pesel ?? ''} onInput={(x) => set({ pesel: x.trim() === '' ? null : x.replace(/\s+/g, '') })} error={error('pesel')} />
        </div>
      </fieldset>
      <fieldset class="form-section">
        <legend class="form-section__title">{t('form.stay')}</legend>
        <div class="form-row">
          {units.length > 1 && (
            <SelectField id="p-unitId" label={t('form.unit')} value={v.unitId} onChange={(x) => set({ unitId: x, studioId: null })}
              options={units.map((u) => ({ value: u.id, label: u.name }))} />
          )}
          <SelectField id="p-status" label={t('form.status')} value={v.status} onChange={(x) => set({ status: x as typeof v.status })}
            options={PARTICIPANT_STATUSES.filter((s) => s !== 'discharged' || storedStatus === 'discharged').map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          {(studios.length > 0 || v.studioId !== null) && (
            <SelectField id="p-studioId" label={t('form.studio')} value={v.studioId ?? ''} onChange={(x) => set({ studioId: x === '' ? null : x })}
              placeholder={t('form.noStudio')} options={studios.map((r) => ({ value: r.id, label: r.name }))} error={error('studioId')} />
          )}
        </div>
        <fieldset class="segmented" aria-describedby={error('attendanceWeekdays') ? 'p-weekdays-error' : undefined}>
          <legend class="field__label">{t('form.weekdays')}</legend>
          {WEEKDAYS.map((d) => (
            <label key={d} class={`segmented__option${v.attendanceWeekdays.includes(d) ? ' segmented__option--on' : ''}`}>
              <input id={`p-weekday-${d}`} type="checkbox" checked={v.attendanceWeekdays.includes(d)} onChange={(e) => set({
                attendanceWeekdays: e.currentTarget.checked ? [...v.attendanceWeekdays, d].sort((a, b) => a - b) : v.attendanceWeekdays.filter((x) => x !== d),
              })} />
              {t(`weekday.short.${d}`)}
            </label>
          ))}
          {error('attendanceWeekdays') && <p id="p-weekdays-error" class="field__error">{error('attendanceWeekdays')}</p>}
        </fieldset>
        <div class="form-row">
          <InputField id="p-admissionDate" type="date" label={t('form.admissionDate')} value={v.admissionDate} onInput={(x) => set({ admissionDate: x })} required error={error('admissionDate')} />
          {v.status === 'discharged' && (
            <InputField id="p-dischargeDate" type="date" label={t('form.dischargeDate')} value={v.dischargeDate ?? ''} onInput={(x) => set({ dischargeDate: x === '' ? null : x })} error={error('dischargeDate')} />
          )}
        </div>
        {v.status === 'discharged' && (
          <TextField id="p-dischargeReason" label={t('form.dischargeReason')} value={v.dischargeReason ?? ''} onInput={(x) => set({ dischargeReason: x === '' ? null : x })} error={error('dischargeReason')} />
        )}
      </fieldset>
    </>
  );
}
