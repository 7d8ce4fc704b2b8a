/**
 * Creating or editing a participant: every field of the record, grouped; errors next to their
 * fields after the first save attempt (PESEL checksum and its agreement with the birth date,
 * dates in order, phone numbers), warnings that do not block (Senior+ under 60, an expired
 * certificate). For a stored person: discharge, readmission, and an administrator's erasure.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Participant, Room, Unit } from '../../../../domain';
import { useT } from '../../../i18n';
import { saveParticipant, useUnsavedWork, type AppError, type ParticipantFields } from '../../../state';
import { errorKey } from '../../error-message';
import { emptyParticipant, fieldsOf, participantFormErrors, participantFormWarnings } from '../../view/participant-form';
import { fullName } from '../../view/people';
import { CareSection, ContactSection } from './CareSections';
import { errorMessageKey, type FormBinding } from './form-context';
import { PersonalSection } from './PersonalSection';
import { StayActions } from './StayActions';

export interface ParticipantFormProps {
  unit: Unit;
  participant: Participant | null;
  studios: readonly Room[];
  today: string;
  isAdmin: boolean;
  onClose: (message?: string) => void;
}

/** Field path → element id, to move the focus to the first wrong field. */
const idOf = (path: string) => `p-${path.split('.').at(-1)}`;

export function ParticipantForm({ unit, participant, studios, today, isAdmin, onClose }: ParticipantFormProps) {
  const t = useT();
  const initial = useMemo(() => (participant ? fieldsOf(participant) : emptyParticipant(unit.id, today)), [participant, unit.id, today]);
  const [values, setValues] = useState<ParticipantFields>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  useUnsavedWork(JSON.stringify(values) !== JSON.stringify(initial));

  const errors = useMemo(() => participantFormErrors(values), [values]);
  const warnings = useMemo(() => participantFormWarnings(values, unit.kind, today), [values, unit.kind, today]);
  const binding: FormBinding = {
    values, t,
    set: (patch) => setValues((v) => ({ ...v, ...patch })),
    error: (path) => (submitted && errors[path] ? t(errorMessageKey(errors[path])) : undefined),
  };
  const warning = (path: string) => (warnings[path] ? t(`form.warning.${warnings[path] as 'seniorUnder60'}`) : undefined);

  const save = async (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    const first = Object.keys(errors)[0];
    if (first) {
      document.getElementById(idOf(first))?.focus();
      return;
    }
    setBusy(true);
    const result = await saveParticipant(participant?.id ?? null, values);
    setBusy(false);
    if (result.ok) onClose(t('form.saved', { name: fullName(values) }));
    else setFailure(result.error);
  };

  const title = participant ? t('form.editTitle', { name: fullName(participant) }) : t('form.newTitle');
  return (
    <section class="card participant-form" aria-labelledby="participant-form-title">
      <h2 id="participant-form-title" class="card__title">{title}</h2>
      <form class="form" noValidate onSubmit={(e) => void save(e)}>
        <PersonalSection b={binding} studios={studios} warning={warning} />
        <ContactSection b={binding} />
        <CareSection b={binding} showRehab={unit.kind === 'wtz' || values.rehabPlan !== null} />
        {warnings['disabilityCertificate.validUntil'] && <p class="callout callout--warning">{t('form.warning.certificateExpired')}</p>}
        {submitted && Object.keys(errors).length > 0 && <p class="callout callout--error" role="alert">{t('form.fixErrors')}</p>}
        {failure && <p class="callout callout--error" role="alert">{t(errorKey(failure))}</p>}
        <div class="form-actions">
          <button type="submit" class="button button--primary" disabled={busy}>{t('form.save')}</button>
          <button type="button" class="button button--secondary" onClick={() => onClose()}>{t('form.cancel')}</button>
        </div>
      </form>
      {participant && <StayActions participant={participant} today={today} isAdmin={isAdmin} onDone={onClose} />}
    </section>
  );
}
