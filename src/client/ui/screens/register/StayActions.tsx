/**
 * A stored person's stay: discharge (date and reason) or readmission (a new admission date; the
 * previous stay stays in the server's history), and, for administrators only, erasure of the
 * record after typing the surname (never an accident).
 */
import { useState } from 'preact/hooks';
import type { Participant } from '../../../../domain';
import { useT } from '../../../i18n';
import { dischargeParticipant, eraseParticipant, readmitParticipant, type ActionResult } from '../../../state';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { InputField } from '../../components/InputField';
import { TextField } from '../../components/TextField';
import { errorKey } from '../../error-message';

export function StayActions({ participant, today, isAdmin, onDone }: { participant: Participant; today: string; isAdmin: boolean; onDone: (message?: string) => void }) {
  const t = useT();
  const [day, setDay] = useState(today);
  const [reason, setReason] = useState('');
  const [erasing, setErasing] = useState(false);
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const finish = (r: ActionResult, message: string) => (r.ok ? onDone(message) : setResult(r));
  const discharged = participant.status === 'discharged';
  return (
    <div class="stay-actions">
      {discharged ? (
        <div class="inline-form">
          <InputField id="readmit-day" type="date" label={t('form.readmit')} value={day} onInput={setDay} />
          <button type="button" class="button button--secondary" disabled={!day}
            onClick={() => void readmitParticipant(participant.id, day).then((r) => finish(r, t('form.readmitButton')))}>
            {t('form.readmitButton')}
          </button>
        </div>
      ) : (
        <div class="inline-form">
          <InputField id="discharge-day" type="date" label={t('form.dischargeDate')} value={day} onInput={setDay} />
          <TextField id="discharge-reason" label={t('form.dischargeReason')} value={reason} onInput={setReason} />
          <button type="button" class="button button--secondary" disabled={!day || reason.trim() === ''}
            onClick={() => void dischargeParticipant(participant.id, day, reason).then((r) => finish(r, t('form.discharge')))}>
            {t('form.dischargeConfirm')}
          </button>
        </div>
      )}
      {isAdmin && <button type="button" class="button button--danger" onClick={() => setErasing(true)}>{t('form.erase')}</button>}
      {result && !result.ok && <p class="callout callout--error" role="alert">{t(errorKey(result.error))}</p>}
      {erasing && (
        <ConfirmDialog id="erase-dialog" title={t('form.eraseTitle')} confirmLabel={t('form.eraseConfirm')}
          onCancel={() => { setErasing(false); setTyped(''); }}
          onConfirm={() => {
            if (typed.trim() !== participant.lastName) return;
            void eraseParticipant(participant.id).then((r) => finish(r, t('form.eraseConfirm')));
          }}>
          <p>{t('form.eraseBody', { name: participant.lastName })}</p>
          <TextField id="erase-type" label={t('form.eraseType')} value={typed} onInput={setTyped} />
        </ConfirmDialog>
      )}
    </div>
  );
}
