/**
 * "Nowe zajęcia" and "Wyjście / wycieczka": the form of a weekly class or a one-off trip, and the
 * edit of a whole series. Errors appear next to their field (after the first save attempt, then
 * as they are fixed); the conflicts the activity would cause are shown live before saving.
 */
import { useMemo, useState } from 'preact/hooks';
import { ACTIVITY_CATEGORIES, type Activity, type Day } from '../../../../domain';
import { conflictsForDraft } from '../../../../domain/rules/plan';
import { useT } from '../../../i18n';
import { useUnsavedWork, type AppError } from '../../../state';
import { deleteActivity, saveActivity, type PlanWeek } from '../../../state/plan';
import { errorKey } from '../../error-message';
import { CheckboxField } from '../../components/CheckboxField';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { InputField } from '../../components/InputField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { TimeField } from '../../components/TimeField';
import { weekdayLongKey } from '../../view/people';
import { activityFormErrors, activityFormValues, activityFromForm, draftActivity, emptyActivityForm, type ActivityFormValues } from './activity-form';
import { AudienceFields } from './AudienceFields';
import { DraftWarnings } from './DraftWarnings';
import { categoryKey, namesOf } from './plan-text';

export interface ActivityFormProps {
  week: PlanWeek;
  kind: 'recurring' | 'oneOff';
  /** The activity to edit, or undefined for a new one. */
  activity?: Activity;
  /** The first day of a new class, the day of a new trip. */
  day: Day;
  today: Day;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const ONE_OFF_FIRST = ['trip', 'outing', 'event'] as const;

export function ActivityForm({ week, kind, activity, day, today, onDone, onCancel }: ActivityFormProps) {
  const t = useT();
  const initial = useMemo(() => (activity ? activityFormValues(activity) : emptyActivityForm(kind, day)), [activity, kind, day]);
  const [v, setV] = useState<ActivityFormValues>(initial);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useUnsavedWork(JSON.stringify(v) !== JSON.stringify(initial));
  const set = (patch: Partial<ActivityFormValues>) => setV({ ...v, ...patch });

  const errors = activityFormErrors(v);
  const valid = Object.keys(errors).length === 0;
  const draft = valid ? draftActivity(activityFromForm(v, week.unit.id), activity?.id ?? 'draft-new', activity) : null;
  const key = JSON.stringify(v);
  const conflicts = useMemo(() => {
    if (!draft) return [];
    const fromDay = draft.kind === 'oneOff' ? draft.day : draft.validFrom > today ? draft.validFrom : today;
    return conflictsForDraft(draft, week.activities, week.sessions, week.unit, {
      participants: week.participants, rooms: week.rooms, fromDay, weeks: draft.kind === 'oneOff' ? 1 : undefined,
    });
  }, [key, week]);
  const names = namesOf(week, draft ?? undefined);
  const err = (field: keyof ActivityFormValues) => (shown && errors[field] ? t(errors[field]) : undefined);
  const oneOff = v.kind === 'oneOff';
  const title = activity ? t('plan.form.edit', { title: activity.title }) : oneOff ? t('plan.form.newOneOff') : t('plan.form.newRecurring');
  const categories = oneOff ? [...ONE_OFF_FIRST, ...ACTIVITY_CATEGORIES.filter((c) => !(ONE_OFF_FIRST as readonly string[]).includes(c))] : ACTIVITY_CATEGORIES;
  const openWeekdays = [1, 2, 3, 4, 5, 6, 7].filter((d) => d <= 5 || week.unit.openingHours.some((h) => h.weekday === d) || v.weekdays.includes(d));

  const submit = async (e: Event) => {
    e.preventDefault();
    setShown(true);
    if (!valid) return;
    setBusy(true);
    const fields = activityFromForm(v, week.unit.id);
    const result = await saveActivity(activity?.id ?? null, fields);
    setBusy(false);
    if (result.ok) onDone(t('plan.saved.activity', { title: fields.title }));
    else setFailure(result.error);
  };
  const remove = async () => {
    if (!activity) return;
    setBusy(true);
    const result = await deleteActivity(activity.id);
    setBusy(false);
    setConfirmDelete(false);
    if (result.ok) onDone(t('plan.saved.deleted', { title: activity.title }));
    else setFailure(result.error);
  };

  return (
    <section class="card plan-form" aria-labelledby="activity-form-title">
      <h2 id="activity-form-title" class="card__title">{title}</h2>
      <form noValidate onSubmit={(e) => void submit(e)}>
        {shown && !valid && <p class="callout callout--error" role="alert">{t('plan.form.errors')}</p>}
        {failure && <p class="callout callout--error" role="alert">{t(errorKey(failure))}</p>}
        <fieldset class="form-section">
          <legend class="form-section__title">{t('plan.form.what')}</legend>
          <TextField id="a-title" label={t('plan.form.title')} value={v.title} onInput={(title) => set({ title })} error={err('title')} required />
          <SelectField id="a-category" label={t('plan.form.category')} value={v.category} onChange={(c) => set({ category: c as ActivityFormValues['category'] })}
            options={categories.map((c) => ({ value: c, label: t(categoryKey(c)) }))} />
        </fieldset>
        <fieldset class="form-section">
          <legend class="form-section__title">{t('plan.form.when')}</legend>
          {oneOff ? (
            <InputField id="a-day" type="date" label={t('plan.form.day')} value={v.day} onInput={(d) => set({ day: d })} error={err('day')} required />
          ) : (
            <fieldset class="checklist plan-weekdays" aria-describedby={err('weekdays') ? 'a-weekdays-error' : undefined}>
              <legend class="field__label">{t('plan.form.weekdays')}</legend>
              {openWeekdays.map((d) => (
                <CheckboxField key={d} id={`a-weekday-${d}`} label={t(weekdayLongKey(d as 1))} checked={v.weekdays.includes(d)}
                  onChange={(on) => set({ weekdays: on ? [...v.weekdays, d] : v.weekdays.filter((x) => x !== d) })} />
              ))}
              {err('weekdays') && <p id="a-weekdays-error" class="field__error">{err('weekdays')}</p>}
            </fieldset>
          )}
          <div class="form-row">
            <TimeField id="a-start" label={oneOff ? t('plan.form.departure') : t('plan.form.start')} value={v.startTime} onInput={(startTime) => set({ startTime })} error={err('startTime')} />
            <TimeField id="a-end" label={oneOff ? t('plan.form.return') : t('plan.form.end')} value={v.endTime} onInput={(endTime) => set({ endTime })} error={err('endTime')} />
          </div>
          {oneOff ? (
            <>
              <InputField id="a-place" label={t('plan.form.place')} hint={t('plan.form.placeHint')} value={v.place} onInput={(place) => set({ place })} error={err('place')} />
              <CheckboxField id="a-needsBus" label={t('plan.form.needsBus')} checked={v.needsBus} onChange={(needsBus) => set({ needsBus })} />
            </>
          ) : (
            <div class="form-row">
              <InputField id="a-validFrom" type="date" label={t('plan.form.validFrom')} value={v.validFrom} onInput={(validFrom) => set({ validFrom })} error={err('validFrom')} required />
              <InputField id="a-validTo" type="date" label={t('plan.form.validTo')} hint={t('plan.form.validToHint')} value={v.validTo} onInput={(validTo) => set({ validTo })} error={err('validTo')} />
            </div>
          )}
        </fieldset>
        <AudienceFields week={week} values={v} set={set} err={err} />
        <DraftWarnings conflicts={conflicts} names={names} ready={valid} />
        <div class="form-actions">
          {activity && <button type="button" class="button button--danger" disabled={busy} onClick={() => setConfirmDelete(true)}>{t('plan.form.delete')}</button>}
          <button type="button" class="button button--secondary" disabled={busy} onClick={onCancel}>{t('plan.form.cancel')}</button>
          <button type="submit" class="button button--primary" disabled={busy}>{t('plan.form.save')}</button>
        </div>
      </form>
      {confirmDelete && activity && (
        <ConfirmDialog id="delete-activity" title={t('plan.form.deleteTitle')} confirmLabel={t('plan.form.delete')} busy={busy}
          onConfirm={() => void remove()} onCancel={() => setConfirmDelete(false)}>
          <p>{t('plan.form.deleteBody', { title: activity.title })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
