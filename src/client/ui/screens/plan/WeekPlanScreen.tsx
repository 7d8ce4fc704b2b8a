/**
 * Plan tygodnia: the weekly planner of one unit. A week grid (Monday first; the weekend only
 * where the unit opens) or a day view (the default on a phone), for the whole unit, a room, an
 * instructor or one participant; tap a block for its panel (cancel this one, move, substitute,
 * edit the series). Coordinators and administrators add classes and trips with live conflict
 * warnings, copy a week and start a new term; everyone sees the warnings, the WTZ hours or the
 * Senior+ check, and prints the week (A4 landscape) or a participant's own week.
 */
import { useMemo, useState } from 'preact/hooks';
import { addDays, weekdayOf, type Activity } from '../../../../domain';
import { needsEightHourOffer } from '../../../../domain/rules/kinds/senior';
import { useFormat, useT } from '../../../i18n';
import { currentTime, useCurrentUnit, useLocalSession, useToday, type ActionResult } from '../../../state';
import { canEditPlan, usePlanWeek, type PlanDay } from '../../../state/plan';
import { errorKey } from '../../error-message';
import { NoUnitNotice } from '../../components/NoUnitNotice';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { listName } from '../../view/people';
import { ActivityForm } from './ActivityForm';
import { ConflictList } from './ConflictList';
import { CopyWeekDialog } from './CopyWeekDialog';
import { HoursPanel } from './HoursPanel';
import { NewTermDialog } from './NewTermDialog';
import { OccurrencePanel } from './OccurrencePanel';
import { PlanToolbar } from './PlanToolbar';
import { PrintWeek } from './PrintWeek';
import { SdsHoursCheck } from './SdsHoursCheck';
import { SeniorPlusCheck } from './SeniorPlusCheck';
import { WeekGrid } from './WeekGrid';
import { namesOf } from './plan-text';
import { conflictsByOccurrence, filterWeek, parseFilter } from './week-model';
import '../../styles/plan.css';

type Panel =
  | { type: 'occurrence'; sessionId: string }
  | { type: 'form'; kind: 'recurring' | 'oneOff'; activity?: Activity }
  | { type: 'copy' }
  | { type: 'term' };

const narrowScreen = () => typeof matchMedia === 'function' && matchMedia('(max-width: 700px)').matches;

/** The Weekly plan screen. */
export function WeekPlanScreen() {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const { unit, isLoading } = useCurrentUnit();
  const canEdit = canEditPlan(useLocalSession().data?.roles ?? []);
  const [day, setDay] = useState(today);
  const [view, setView] = useState<'week' | 'day'>(() => (narrowScreen() ? 'day' : 'week'));
  const [filter, setFilter] = useState('unit');
  const [panel, setPanel] = useState<Panel | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const week = usePlanWeek(unit?.id ?? null, day);
  const data = week.data;
  const names = useMemo(() => (data ? namesOf(data) : null), [data]);
  const shown = useMemo(() => (data ? filterWeek(data, parseFilter(filter)) : null), [data, filter]);
  const conflicts = useMemo(() => {
    if (!data || !shown) return [];
    const ids = new Set(shown.occurrences.map((o) => o.sessionId));
    return data.conflicts.filter((c) => c.occurrenceIds.some((id) => ids.has(id)));
  }, [data, shown]);
  const byOccurrence = useMemo(() => conflictsByOccurrence(conflicts), [conflicts]);

  const report = (result: ActionResult, text: string) => setMessage(result.ok ? { text, error: false } : { text: t(errorKey(result.error)), error: true });
  const open = (sessionId: string) => setPanel({ type: 'occurrence', sessionId });
  const chosen = parseFilter(filter);
  const person = chosen.kind === 'participant' ? data?.participants.find((p) => p.id === chosen.id) : undefined;

  const daysShown = (days: readonly PlanDay[]): PlanDay[] => {
    if (view === 'week') return [...days];
    const d = days.find((x) => x.day === day);
    return [d ?? { day, weekday: weekdayOf(day), closed: { kind: 'weekday' }, hours: null }];
  };

  return (
    <div class="screen screen--plan">
      <ScreenHeader title={t('plan.title')}>
        {unit && <p class="screen__subtitle">{unit.name}</p>}
      </ScreenHeader>
      {!unit ? <NoUnitNotice loading={isLoading} /> : (
        <QueryStatus result={week}>
          {(w) => panel?.type === 'form' ? (
            <ActivityForm week={w} kind={panel.activity?.kind ?? panel.kind} activity={panel.activity} day={day < today ? today : day} today={today}
              onCancel={() => setPanel(null)}
              onDone={(text) => {
                setPanel(null);
                setMessage({ text, error: false });
              }} />
          ) : (
            <>
              {canEdit ? (
                <div class="plan-actions no-print">
                  <button type="button" class="button button--primary" onClick={() => setPanel({ type: 'form', kind: 'recurring' })}>{t('plan.newRecurring')}</button>
                  <button type="button" class="button button--primary" onClick={() => setPanel({ type: 'form', kind: 'oneOff' })}>{t('plan.newOneOff')}</button>
                  <button type="button" class="button button--secondary" onClick={() => setPanel({ type: 'copy' })}>{t('plan.copyWeek')}</button>
                  <button type="button" class="button button--secondary" onClick={() => setPanel({ type: 'term' })}>{t('plan.newTerm')}</button>
                  <button type="button" class="button button--secondary" onClick={() => window.print()}>
                    {person ? t('plan.printPerson', { name: `${person.firstName} ${person.lastName}` }) : t('plan.print')}
                  </button>
                </div>
              ) : (
                <div class="plan-actions no-print">
                  <p class="muted">{t('plan.readOnly')}</p>
                  <button type="button" class="button button--secondary" onClick={() => window.print()}>
                    {person ? t('plan.printPerson', { name: `${person.firstName} ${person.lastName}` }) : t('plan.print')}
                  </button>
                </div>
              )}
              <p class={`plan-message no-print${message?.error ? ' callout callout--error' : ''}`} role="status">{message?.text ?? ''}</p>
              <PlanToolbar view={view} day={day} weekStart={w.weekStart} today={today} filter={filter} rooms={w.rooms} staff={w.staff} participants={w.participants}
                onView={setView} onDay={setDay} onFilter={setFilter} />
              {needsEightHourOffer(w.unit.kind) && <SeniorPlusCheck short={w.seniorPlusShort} kind={w.unit.kind} />}
              {w.sdsHours && <SdsHoursCheck check={w.sdsHours} />}
              {w.activities.length === 0 && <p class="callout">{t('plan.empty')}</p>}
              {shown && names && (
                <div class="no-print">
                  <WeekGrid label={t('plan.weekRange', { from: f.day(w.weekStart), to: f.day(addDays(w.weekStart, 6)) })} days={daysShown(w.days)} occurrences={shown.occurrences} cancelled={shown.cancelled} conflicts={byOccurrence} names={names}
                    today={today} now={currentTime()} onOpen={open} />
                </div>
              )}
              {names && <div class="no-print"><ConflictList conflicts={conflicts} names={names} onOpen={open} /></div>}
              {w.unit.kind === 'wtz' && <div class="no-print"><HoursPanel week={w} /></div>}
              {shown && names && (
                <PrintWeek unitName={w.unit.name} weekStart={w.weekStart} days={w.days} occurrences={shown.occurrences} names={names}
                  person={person ? listName(person) : null} />
              )}
              {panel?.type === 'occurrence' && names && (
                <OccurrencePanel week={w} sessionId={panel.sessionId} canEdit={canEdit} names={names} onResult={report} onClose={() => setPanel(null)}
                  onEdit={(activity) => setPanel({ type: 'form', kind: activity.kind, activity })} />
              )}
              {panel?.type === 'copy' && <CopyWeekDialog week={w} onResult={report} onClose={() => setPanel(null)} />}
              {panel?.type === 'term' && <NewTermDialog week={w} today={today} onResult={report} onClose={() => setPanel(null)} />}
            </>
          )}
        </QueryStatus>
      )}
    </div>
  );
}
