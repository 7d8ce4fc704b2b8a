/**
 * One class of the day: who took part (a tick per person) and the studio log (topic, notes).
 * A person ticked here without a day mark is suggested as present on the main list.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Participant, Session, SessionMark } from '../../../../domain';
import { useT } from '../../../i18n';
import { type ActionResult, type DaySession } from '../../../state';
import { markSession, saveStudioLog } from '../../../state/attendance';
import { FormField } from '../../components/FormField';
import { TextField } from '../../components/TextField';
import { fullName, listName } from '../../view/people';

export interface SessionCardProps {
  unitId: string;
  day: string;
  session: DaySession;
  people: readonly Participant[];
  marks: readonly SessionMark[];
  log: Session | null;
  canMark: boolean;
  onResult: (result: ActionResult, message: string) => void;
}

export function SessionCard({ unitId, day, session, people, marks, log, canMark, onResult }: SessionCardProps) {
  const t = useT();
  const activityId = session.activity.id;
  const ticked = new Set(marks.filter((m) => m.activityId === activityId && m.present).map((m) => m.participantId));
  const [open, setOpen] = useState(false);
  const [topic, setTopic] = useState(log?.topic ?? '');
  const [notes, setNotes] = useState(log?.notes ?? '');
  useEffect(() => {
    setTopic(log?.topic ?? '');
    setNotes(log?.notes ?? '');
  }, [log?.topic, log?.notes]);
  const headingId = `session-${activityId}`;

  const tick = async (p: Participant, present: boolean) => {
    const result = await markSession(unitId, day, activityId, p.id, present);
    onResult(result, `${fullName(p)} — ${session.activity.title}`);
  };
  const saveLog = async (e: Event) => {
    e.preventDefault();
    onResult(await saveStudioLog(unitId, day, activityId, { topic, notes }), t('attendance.logSaved'));
  };

  return (
    <li class="session-card">
      <div class="session-card__head">
        <h3 id={headingId} class="session-card__title">
          <span class="session__time">{session.startTime}–{session.endTime}</span> {session.activity.title}
        </h3>
        <span class="muted">{[session.roomName, t('attendance.sessionTicked', { count: ticked.size })].filter(Boolean).join(' · ')}</span>
        <button type="button" class="button button--secondary" aria-expanded={open} aria-controls={open ? `${headingId}-body` : undefined} onClick={() => setOpen(!open)}>
          {open ? t('attendance.close') : t('attendance.open')}
        </button>
      </div>
      {open && (
        <div id={`${headingId}-body`} class="session-card__body">
          <fieldset class="checklist" disabled={!canMark}>
            <legend class="field__label">{t('attendance.sessionWho')}</legend>
            {people.map((p) => (
              <label key={p.id} class="checklist__item">
                <input type="checkbox" checked={ticked.has(p.id)} onChange={(e) => void tick(p, e.currentTarget.checked)} />
                {listName(p)}
              </label>
            ))}
          </fieldset>
          <form class="form" onSubmit={(e) => void saveLog(e)}>
            <TextField id={`${headingId}-topic`} label={t('attendance.topic')} value={topic} onInput={setTopic} />
            <FormField id={`${headingId}-notes`} label={t('attendance.notes')}>
              {(aria) => <textarea {...aria} class="input textarea" rows={3} maxLength={2000} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />}
            </FormField>
            <button type="submit" class="button button--secondary" disabled={!canMark}>{t('attendance.saveLog')}</button>
          </form>
        </div>
      )}
    </li>
  );
}
