/**
 * Creating or editing a participant: every field of the record, grouped; errors next to their
 * fields after the first save attempt (PESEL checksum and its agreement with the birth date,
 * dates in order, phone numbers), warnings that do not block (Senior+ under 60, an expired
 * certificate, an IPR review that is overdue). For a stored person: discharge, readmission, the
 * history of stays, and an administrator's erasure and export of the person's data (art. 15).
 */
import { useMemo, useState } from 'preact/hooks';
import type { Participant, Unit } from '../../../../domain';
import { useT } from '../../../i18n';
import { useCurrentUnit, useRooms, useUnsavedWork, type AppError } from '../../../state';
import { saveParticipant, type ParticipantFields } from '../../../state/register';
import { errorKey } from '../../error-message';
import { controlIdOf, emptyParticipant, fieldsOf, participantFormErrors, participantFormWarnings, participantToSave } from '../../view/participant-form';
import { fullName } from '../../view/people';
import { CareSection, ContactSection } from './CareSections';
import { errorMessageKey, warningMessageKey, type FormBinding } from './form-context';
import { PersonalSection } from './PersonalSection';
import { StayActions } from './StayActions';
import { AccessSection } from './AccessSection';

export interface ParticipantFormProps {
  /** The unit whose register is open (a new person's unit). */
  unit: Unit;
  participant: Participant | null;
  today: string;
  canErase: boolean;
  onClose: (message?: string) => void;
}

export function ParticipantForm({ unit, participant, today, canErase, onClose }: ParticipantFormProps) {
  const t = useT();
  const { units } = useCurrentUnit();
  const initial = useMemo(() => (participant ? fieldsOf(participant) : emptyParticipant(unit.id, today)), [participant, unit.id, today]);
  const [values, setValues] = useState<ParticipantFields>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  useUnsavedWork(JSON.stringify(values) !== JSON.stringify(initial));
  // The studios of the unit chosen in the form (a person may be moved to another unit).
  const rooms = useRooms(values.unitId);
  const studios = useMemo(() => (rooms.data ?? []).filter((r) => r.isStudio && r.unitId === values.unitId), [rooms.data, values.unitId]);
  const chosenUnit = units.find((u) => u.id === values.unitId) ?? unit;
  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);

  const errors = useMemo(() => participantFormErrors(values), [values]);
  const warnings = useMemo(() => participantFormWarnings(values, chosenUnit.kind, today), [values, chosenUnit.kind, today]);
  const binding: FormBinding = {
    values, t,
    set: (patch) => setValues((v) => ({ ...v, ...patch })),
    error: (path) => (submitted && errors[path] ? t(errorMessageKey(errors[path])) : undefined),
    warning: (path) => (warnings[path] ? t(warningMessageKey(warnings[path])) : undefined),
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    const first = Object.keys(errors)[0];
    if (first) {
      document.getElementById(controlIdOf(first))?.focus();
      return;
    }
    setBusy(true);
    const record = participantToSave(values);
    const result = await saveParticipant(participant?.id ?? null, record);
    setBusy(false);
    if (result.ok) onClose(t('form.saved', { name: fullName(record) }));
    else setFailure(result.error);
  };

  const title = participant ? t('form.editTitle', { name: fullName(participant) }) : t('form.newTitle');
  return (
    <section class="card participant-form" aria-labelledby="participant-form-title">
      <h2 id="participant-form-title" class="card__title">{title}</h2>
      <form class="form" noValidate onSubmit={(e) => void save(e)}>
        <PersonalSection b={binding} studios={studios} units={units} storedStatus={participant?.status ?? null} />
        <ContactSection b={binding} />
        <CareSection b={binding} showRehab={chosenUnit.kind === 'wtz' || values.rehabPlan !== null} />
        {submitted && Object.keys(errors).length > 0 && <p class="callout callout--error" role="alert">{t('form.fixErrors')}</p>}
        {failure && <p class="callout callout--error" role="alert">{t(errorKey(failure))}</p>}
        <div class="form-actions">
          <button type="submit" class="button button--primary" disabled={busy}>{t('form.save')}</button>
          <button type="button" class="button button--secondary" onClick={() => onClose()}>{t('form.cancel')}</button>
        </div>
      </form>
      {participant && <StayActions participant={participant} today={today} canErase={canErase} unitNames={unitNames} onDone={onClose} />}
      {participant && canErase && <AccessSection participantId={participant.id} unitNames={unitNames} />}
    </section>
  );
}
