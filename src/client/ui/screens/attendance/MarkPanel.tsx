/**
 * The details of one person's day: present / absent / excused, the reason, arrival and leave
 * times (with "now"), and a note. Opened from the row's "More" button; saving writes one mark.
 */
import { useState } from 'preact/hooks';
import { ABSENCE_REASONS, type AbsenceReason, type AttendanceStatus, type DayMark } from '../../../../domain';
import { useT } from '../../../i18n';
import { currentTime, type ActionResult } from '../../../state';
import { clearDayMark, markDay } from '../../../state/attendance';
import { FormField } from '../../components/FormField';
import { SelectField } from '../../components/SelectField';
import { TimeField } from '../../components/TimeField';
import { MarkHistory } from './MarkHistory';

export interface MarkPanelProps {
  id: string;
  unitId: string;
  day: string;
  participantId: string;
  mark: DayMark | null;
  /** Whether "now" makes sense (the day is today). */
  isToday: boolean;
  onDone: (result: ActionResult, status: AttendanceStatus | null) => void;
  onClose: () => void;
}

const STATUS_KEYS = { present: 'attendance.statusPresent', absent: 'attendance.statusAbsent', excused: 'attendance.statusExcused' } as const;

export function MarkPanel({ id, unitId, day, participantId, mark, isToday, onDone, onClose }: MarkPanelProps) {
  const t = useT();
  const [status, setStatus] = useState<AttendanceStatus>(mark?.status ?? 'present');
  const [reason, setReason] = useState<AbsenceReason | ''>(mark?.absenceReason ?? '');
  const [arrival, setArrival] = useState(mark?.arrivalTime ?? '');
  const [leave, setLeave] = useState(mark?.leaveTime ?? '');
  const [note, setNote] = useState(mark?.note ?? '');
  const [busy, setBusy] = useState(false);
  const leaveError = status === 'present' && arrival && leave && leave < arrival ? t('form.error.leaveBeforeArrival') : undefined;

  const save = async (e: Event) => {
    e.preventDefault();
    if (leaveError) return;
    setBusy(true);
    const result = await markDay(unitId, day, participantId, status === 'present'
      ? { status, arrivalTime: arrival || null, leaveTime: leave || null, note }
      : { status, absenceReason: reason || null, note });
    setBusy(false);
    onDone(result, status);
  };
  const clear = async () => {
    setBusy(true);
    const result = await clearDayMark(day, participantId);
    setBusy(false);
    onDone(result, null);
  };

  return (
    <form id={id} class="mark-panel" onSubmit={(e) => void save(e)}>
      <fieldset class="segmented">
        <legend class="field__label">{t('attendance.status')}</legend>
        {(['present', 'absent', 'excused'] as const).map((s) => (
          <label key={s} class={`segmented__option${status === s ? ' segmented__option--on' : ''}`}>
            <input type="radio" name={`${id}-status`} value={s} checked={status === s} onChange={() => setStatus(s)} />
            {t(STATUS_KEYS[s])}
          </label>
        ))}
      </fieldset>
      {status === 'present' ? (
        <div class="form-row">
          <TimeField id={`${id}-arrival`} label={t('attendance.arrivalTime')} value={arrival} onInput={setArrival} now={isToday ? currentTime : undefined} />
          <TimeField id={`${id}-leave`} label={t('attendance.leaveTime')} value={leave} onInput={setLeave} now={isToday ? currentTime : undefined} error={leaveError} />
        </div>
      ) : (
        <SelectField id={`${id}-reason`} label={t('attendance.reason')} value={reason} onChange={(v) => setReason(v as AbsenceReason | '')}
          placeholder={status === 'excused' ? t('attendance.reason') : undefined}
          options={ABSENCE_REASONS.map((r) => ({ value: r, label: t(`absenceReason.${r}`) }))} />
      )}
      <FormField id={`${id}-note`} label={t('attendance.note')}>
        {(aria) => <textarea {...aria} class="input textarea" rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </FormField>
      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={busy}>{t('attendance.save')}</button>
        {mark && <button type="button" class="button button--secondary" disabled={busy} onClick={() => void clear()}>{t('attendance.clear')}</button>}
        <button type="button" class="button button--secondary" onClick={onClose}>{t('attendance.close')}</button>
      </div>
      {mark && <MarkHistory recordId={mark.id} />}
    </form>
  );
}
