/** Reporting an absence ahead ("Mrs K. will not come from Tuesday to Friday, hospital"). */
import { useState } from 'preact/hooks';
import { ABSENCE_REASONS, isDay, type AbsenceReason, type Participant } from '../../../../domain';
import { useT, type TextKey } from '../../../i18n';
import { useUnsavedWork, type ActionResult } from '../../../state';
import { saveAbsenceNotice } from '../../../state/attendance';
import { FormField } from '../../components/FormField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fullName, listName } from '../../view/people';

export interface NoticeFormProps {
  unitId: string;
  day: string;
  people: readonly Participant[];
  onResult: (result: ActionResult, message: string) => void;
}

type Field = 'participantId' | 'fromDay' | 'toDay' | 'reason';

export function NoticeForm({ unitId, day, people, onResult }: NoticeFormProps) {
  const t = useT();
  const [participantId, setParticipantId] = useState('');
  const [fromDay, setFromDay] = useState(day);
  const [toDay, setToDay] = useState(day);
  const [reason, setReason] = useState<AbsenceReason | ''>('');
  const [reportedBy, setReportedBy] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, TextKey>>>({});
  const [busy, setBusy] = useState(false);
  useUnsavedWork(participantId !== '' || reportedBy !== '' || note !== '');

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Partial<Record<Field, TextKey>> = {};
    if (!participantId) found.participantId = 'form.error.required';
    if (!isDay(fromDay)) found.fromDay = 'form.error.invalidDay';
    if (!isDay(toDay)) found.toDay = 'form.error.invalidDay';
    else if (isDay(fromDay) && toDay < fromDay) found.toDay = 'form.error.toBeforeFrom';
    if (!reason) found.reason = 'form.error.required';
    setErrors(found);
    if (Object.keys(found).length > 0 || !reason) return;
    setBusy(true);
    const result = await saveAbsenceNotice({ participantId, unitId, fromDay, toDay, reason, reportedBy, note });
    setBusy(false);
    const person = people.find((p) => p.id === participantId);
    if (result.ok) {
      setParticipantId('');
      setReportedBy('');
      setNote('');
      setReason('');
    }
    onResult(result, `${t('attendance.noticeSaved')} ${person ? fullName(person) : ''}`.trim());
  };
  const err = (f: Field) => (errors[f] ? t(errors[f]) : undefined);

  return (
    <form class="form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="notice-new-title">
      <h3 id="notice-new-title" class="card__subtitle">{t('attendance.noticeNew')}</h3>
      <SelectField id="notice-person" label={t('attendance.noticePerson')} value={participantId} onChange={setParticipantId} required
        placeholder={t('attendance.addPersonChoose')} error={err('participantId')} options={people.map((p) => ({ value: p.id, label: listName(p) }))} />
      <div class="form-row">
        <FormField id="notice-from" label={t('attendance.noticeFrom')} error={err('fromDay')}>
          {(aria) => <input {...aria} type="date" class="input" value={fromDay} onInput={(e) => setFromDay(e.currentTarget.value)} />}
        </FormField>
        <FormField id="notice-to" label={t('attendance.noticeTo')} error={err('toDay')}>
          {(aria) => <input {...aria} type="date" class="input" value={toDay} onInput={(e) => setToDay(e.currentTarget.value)} />}
        </FormField>
      </div>
      <SelectField id="notice-reason" label={t('attendance.noticeReason')} value={reason} onChange={(v) => setReason(v as AbsenceReason | '')} required
        placeholder={t('attendance.reason')} error={err('reason')} options={ABSENCE_REASONS.map((r) => ({ value: r, label: t(`absenceReason.${r}`) }))} />
      <TextField id="notice-by" label={t('attendance.noticeReportedBy')} hint={t('attendance.noticeReportedByHint')} value={reportedBy} onInput={setReportedBy} />
      <FormField id="notice-note" label={t('attendance.noticeNote')}>
        {(aria) => <textarea {...aria} class="input textarea" rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </FormField>
      <button type="submit" class="button button--primary" disabled={busy}>{t('attendance.noticeSave')}</button>
    </form>
  );
}
