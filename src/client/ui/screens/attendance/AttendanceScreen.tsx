/**
 * Obecność: the attendance of one unit on one day (today by default). One tap marks present;
 * "more" gives absent with a reason, excused, times and a note; "mark the rest present" and undo;
 * live counts; the day's classes with their ticks and studio log; absence notices. Past days are
 * editable (the server keeps the history), future days take only absence notices.
 */
import { useSignal, type Signal } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AttendanceStatus } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { useCurrentUnit, useRooms, useToday, type ActionResult, type AppError } from '../../../state';
import { forgetLastChange, markRemainingPresent, useAttendanceDay } from '../../../state/attendance';
import { NoUnitNotice } from '../../components/NoUnitNotice';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { errorKey } from '../../error-message';
import { addableParticipants, dayMode, dayRows, studioNames } from '../../view/attendance-day';
import { AddPersonForm } from './AddPersonForm';
import { DayPicker } from './DayPicker';
import { MarkToolbar } from './MarkToolbar';
import { NoticesCard } from './NoticesCard';
import { useMarkContradictions } from '../../../state/transport';
import { RosterList } from './RosterList';
import { SessionCard } from './SessionCard';
import { DayNotice } from '../today/DayNotice';
import { CountTiles } from '../today/CountTiles';

const STATUS_KEYS = { present: 'attendance.statusPresent', absent: 'attendance.statusAbsent', excused: 'attendance.statusExcused' } as const;

/** The last error, if any (reads the signal itself, so only this line re-renders). */
function ErrorLine({ error }: { error: Signal<AppError | null> }) {
  const t = useT();
  return error.value ? <p class="callout callout--error" role="alert">{t(errorKey(error.value))}</p> : null;
}

export function AttendanceScreen() {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const { unit, isLoading } = useCurrentUnit();
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const day = chosenDay ?? today;
  const attendance = useAttendanceDay(unit?.id ?? null, day);
  // The driver's marks that contradict a day mark, shown on the person's row to decide (issue 13).
  const contradictions = useMarkContradictions(unit?.id ?? null, day).data;
  const conflicts = useMemo(() => new Map((contradictions ?? []).map((c) => [c.participantId, c])), [contradictions]);
  const rooms = useRooms(unit?.id ?? null);
  const studios = useMemo(() => studioNames(rooms.data), [rooms.data]);
  // Signals, not state: a status line update re-renders the status line, not 300 rows.
  const message = useSignal('');
  const error = useSignal<AppError | null>(null);
  useEffect(() => forgetLastChange(), [unit?.id, day]);

  const mode = dayMode(day, today);
  const report = (result: ActionResult, text: string) => {
    if (result.ok) {
      error.value = null;
      message.value = text;
    } else {
      error.value = result.error;
      message.value = '';
    }
  };
  const onRowResult = (result: ActionResult, name: string, status: AttendanceStatus | null) =>
    report(result, t('attendance.saved', { name, status: status ? t(STATUS_KEYS[status]) : t('mark.none') }));

  return (
    <div class="screen">
      <ScreenHeader title={t('attendance.title')}>
        <p class="screen__subtitle">{f.longDay(day)}{unit ? ` · ${unit.name}` : ''}</p>
      </ScreenHeader>
      {!unit ? (
        <NoUnitNotice loading={isLoading} />
      ) : (
        <>
          <DayPicker day={day} today={today} onChange={(d) => setChosenDay(d === today ? null : d)} />
          {mode === 'future' && <p class="callout callout--info">{t('attendance.future')}</p>}
          {mode === 'past' && <p class="callout callout--info">{t('attendance.past')}</p>}
          <ErrorLine error={error} />
          <QueryStatus result={attendance}>
            {(data) => {
              const rows = dayRows(data);
              const canMark = mode !== 'future';
              const isOpen = data.closedReason === null && data.holidayName === null;
              const rosterProps = { unitId: unit.id, day, canMark, isToday: mode === 'today', studios, conflicts, onResult: onRowResult };
              return (
                <>
                  <DayNotice overview={data} />
                  <h2 id="attendance-counts" class="visually-hidden">{t('today.counts')}</h2>
                  <CountTiles counts={data.counts} labelledBy="attendance-counts" />
                  <MarkToolbar unitId={unit.id} day={day} remaining={rows.remaining} canMark={canMark && isOpen} message={message} onResult={report} />
                  {canMark && data.suggested.length > 0 && (
                    <div class="callout callout--info callout--action">
                      <p>{t('attendance.suggested', { count: data.suggested.length })}</p>
                      <button type="button" class="button button--secondary"
                        onClick={() => void markRemainingPresent(unit.id, day, data.suggested).then((r) => report(r, t('attendance.undoHint.markAll', { count: data.suggested.length })))}>
                        {t('attendance.suggestedButton')}
                      </button>
                    </div>
                  )}
                  <section class="card" aria-labelledby="attendance-list">
                    <h2 id="attendance-list" class="card__title">{t('attendance.subtitleDay')}</h2>
                    {rows.expected.length === 0 ? (
                      <p class="muted">{t('attendance.empty')}</p>
                    ) : (
                      <RosterList rows={rows.expected} {...rosterProps} />
                    )}
                    {rows.added.length > 0 && (
                      <>
                        <h3 class="card__subtitle">{t('attendance.added')}</h3>
                        <RosterList rows={rows.added} {...rosterProps} />
                      </>
                    )}
                    {canMark && <AddPersonForm unitId={unit.id} day={day} candidates={addableParticipants(data)} onResult={(r, name) => onRowResult(r, name, 'present')} />}
                  </section>
                  <section class="card" aria-labelledby="attendance-sessions">
                    <h2 id="attendance-sessions" class="card__title">{t('attendance.sessions')}</h2>
                    {data.sessions.length === 0 ? (
                      <p class="muted">{t('attendance.sessionsEmpty')}</p>
                    ) : (
                      <ul class="plain-list">
                        {data.sessions.map((s) => (
                          <SessionCard key={s.activity.id} unitId={unit.id} day={day} session={s} people={[...data.expected, ...data.added]}
                            marks={data.sessionMarks} log={data.sessionLogs.find((l) => l.activityId === s.activity.id) ?? null}
                            canMark={canMark} onResult={report} />
                        ))}
                      </ul>
                    )}
                  </section>
                  <NoticesCard unitId={unit.id} day={day} notices={data.notices} people={data.participants} onResult={report} />
                </>
              );
            }}
          </QueryStatus>
        </>
      )}
    </div>
  );
}
