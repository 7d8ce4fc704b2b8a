/**
 * A stored person's stay: discharge (date and reason) or readmission (a new admission date; the
 * previous stay stays in the server's history, shown by StayHistory), and, for administrators
 * only, erasure of the record after typing the surname (never an accident). Erasure writes a
 * tombstone that the server accepts from administrators only and audits.
 */
import { useState } from 'preact/hooks';
import type { Participant } from '../../../../domain';
import { useT } from '../../../i18n';
import type { ActionResult } from '../../../state';
import { dischargeParticipant, eraseParticipant, readmitParticipant } from '../../../state/register';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { InputField } from '../../components/InputField';
import { TextField } from '../../components/TextField';
import { errorKey } from '../../error-message';
import { fullName } from '../../view/people';
import { StayHistory } from './StayHistory';

export interface StayActionsProps {
  participant: Participant;
  today: string;
  canErase: boolean;
  unitNames: ReadonlyMap<string, string>;
  onDone: (message?: string) => void;
}

/** The surname typed to confirm an erasure: spaces around and letter case do not matter. */
export function surnameMatches(typed: string, lastName: string): boolean {
  return typed.trim().toLocaleLowerCase('pl') === lastName.trim().toLocaleLowerCase('pl');
}

export function StayActions({ participant, today, canErase, unitNames, onDone }: StayActionsProps) {
  const t = useT();
  const [day, setDay] = useState(today);
  const [reason, setReason] = useState('');
  const [erasing, setErasing] = useState(false);
  const [typed, setTyped] = useState('');
  const [typedWrong, setTypedWrong] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const name = fullName(participant);
  const finish = async (action: Promise<ActionResult>, message: string) => {
    setBusy(true);
    const r = await action;
    setBusy(false);
    if (r.ok) onDone(message);
    else setResult(r);
  };
  const discharged = participant.status === 'discharged';
  // The dates in order before anything is written (the schema would refuse it anyway).
  const dayError = !day ? undefined
    : !discharged && day < participant.admissionDate ? t('form.error.dischargeBeforeAdmission')
      : discharged && participant.dischargeDate !== null && day < participant.dischargeDate ? t('form.error.readmitBeforeDischarge')
        : undefined;
  return (
    <div class="stay-actions">
      <section class="stay-actions__part" aria-labelledby="stay-title">
        <h3 id="stay-title" class="card__subtitle">{discharged ? t('stay.readmitTitle') : t('stay.dischargeTitle')}</h3>
        {discharged ? (
          <div class="inline-form">
            <InputField id="readmit-day" type="date" label={t('form.readmit')} value={day} onInput={setDay} error={dayError} />
            <button type="button" class="button button--secondary" disabled={!day || dayError !== undefined || busy}
              onClick={() => void finish(readmitParticipant(participant.id, day), t('stay.readmitted', { name }))}>
              {t('form.readmitButton')}
            </button>
          </div>
        ) : (
          <div class="inline-form">
            <InputField id="discharge-day" type="date" label={t('form.dischargeDate')} value={day} onInput={setDay} error={dayError} />
            <TextField id="discharge-reason" label={t('form.dischargeReason')} value={reason} onInput={setReason} />
            <button type="button" class="button button--secondary" disabled={!day || dayError !== undefined || reason.trim() === '' || busy}
              onClick={() => void finish(dischargeParticipant(participant.id, day, reason), t('stay.discharged', { name }))}>
              {t('form.dischargeConfirm')}
            </button>
          </div>
        )}
        <StayHistory participantId={participant.id} unitNames={unitNames} />
      </section>
      {result && !result.ok && <p class="callout callout--error" role="alert">{t(errorKey(result.error))}</p>}
      {canErase && (
        <section class="stay-actions__part danger-zone" aria-labelledby="erase-section-title">
          <h3 id="erase-section-title" class="card__subtitle">{t('stay.eraseTitle')}</h3>
          <p class="muted">{t('stay.eraseHelp')}</p>
          <button type="button" class="button button--danger" onClick={() => setErasing(true)}>{t('form.erase')}</button>
        </section>
      )}
      {erasing && (
        <ConfirmDialog id="erase-dialog" title={t('form.eraseTitle')} confirmLabel={t('form.eraseConfirm')} busy={busy}
          onCancel={() => { setErasing(false); setTyped(''); setTypedWrong(false); }}
          onConfirm={() => {
            if (!surnameMatches(typed, participant.lastName)) {
              setTypedWrong(true);
              document.getElementById('erase-type')?.focus();
              return;
            }
            void finish(eraseParticipant(participant.id), t('stay.erased'));
          }}>
          <p>{t('form.eraseBody', { name: participant.lastName })}</p>
          <TextField id="erase-type" label={t('form.eraseType')} value={typed} onInput={(x) => { setTyped(x); setTypedWrong(false); }}
            error={typedWrong ? t('stay.eraseMismatch', { name: participant.lastName }) : undefined} />
        </ConfirmDialog>
      )}
    </div>
  );
}
