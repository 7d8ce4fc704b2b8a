/**
 * The planner's controls: week (or day) navigation with "today", week or day view, whose plan
 * (the whole unit, a room, an instructor, a participant), and the coordinator's actions.
 */
import { addDays, isDay, type Participant, type Room, type StaffMember } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { Icon } from '../../components/Icon';
import { listName } from '../../view/people';

export interface PlanToolbarProps {
  view: 'week' | 'day';
  day: string;
  weekStart: string;
  today: string;
  filter: string;
  rooms: readonly Room[];
  staff: readonly StaffMember[];
  participants: readonly Participant[];
  onView: (view: 'week' | 'day') => void;
  onDay: (day: string) => void;
  onFilter: (value: string) => void;
}

export function PlanToolbar({ view, day, weekStart, today, filter, rooms, staff, participants, onView, onDay, onFilter }: PlanToolbarProps) {
  const t = useT();
  const f = useFormat();
  const step = view === 'week' ? 7 : 1;
  return (
    <div class="plan-toolbar no-print">
      <div class="day-picker" role="group" aria-label={t('plan.navigation')}>
        <button type="button" class="button button--secondary button--icon" aria-label={view === 'week' ? t('plan.prevWeek') : t('plan.prevDay')} onClick={() => onDay(addDays(day, -step))}>
          <Icon name="chevronLeft" />
        </button>
        <label class="day-picker__field">
          <span class="visually-hidden">{t('plan.dayField')}</span>
          <input type="date" class="input" value={day} onChange={(e) => {
            const value = e.currentTarget.value;
            if (isDay(value)) onDay(value);
          }} />
        </label>
        <button type="button" class="button button--secondary button--icon" aria-label={view === 'week' ? t('plan.nextWeek') : t('plan.nextDay')} onClick={() => onDay(addDays(day, step))}>
          <Icon name="chevronRight" />
        </button>
        <button type="button" class="button button--secondary" disabled={day === today} onClick={() => onDay(today)}>{t('plan.today')}</button>
      </div>
      <p class="plan-toolbar__range">{t('plan.weekRange', { from: f.day(weekStart), to: f.day(addDays(weekStart, 6)) })}</p>
      <fieldset class="segmented plan-toolbar__view">
        <legend class="visually-hidden">{t('plan.view')}</legend>
        {(['week', 'day'] as const).map((v) => (
          <label key={v} class={`segmented__option${view === v ? ' segmented__option--on' : ''}`}>
            <input type="radio" name="plan-view" value={v} checked={view === v} onChange={() => onView(v)} />
            {v === 'week' ? t('plan.view.week') : t('plan.view.day')}
          </label>
        ))}
      </fieldset>
      <div class="field plan-toolbar__filter">
        <label class="field__label" for="plan-filter">{t('plan.show')}</label>
        <select id="plan-filter" class="input select" value={filter} onChange={(e) => onFilter(e.currentTarget.value)}>
          <option value="unit">{t('plan.show.unit')}</option>
          <optgroup label={t('plan.show.rooms')}>{rooms.map((r) => <option key={r.id} value={`room:${r.id}`}>{r.name}</option>)}</optgroup>
          <optgroup label={t('plan.show.staff')}>{staff.map((s) => <option key={s.id} value={`staff:${s.id}`}>{`${s.lastName} ${s.firstName}`}</option>)}</optgroup>
          <optgroup label={t('plan.show.participants')}>
            {participants.filter((p) => p.status === 'active').map((p) => <option key={p.id} value={`participant:${p.id}`}>{listName(p)}</option>)}
          </optgroup>
        </select>
      </div>
    </div>
  );
}
