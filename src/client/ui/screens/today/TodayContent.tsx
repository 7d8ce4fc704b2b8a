/** The body of the Today screen for one unit and day, given its overview. */
import { mayWrite, type Participant } from '../../../../domain';
import { useT } from '../../../i18n';
import { useLocalSession, type TodayOverview } from '../../../state';
import { Link } from '../../Link';
import { ContradictionList } from './ContradictionList';
import { CountTiles } from './CountTiles';
import { DayNotice } from './DayNotice';
import { MealsCard } from './MealsCard';
import { NoticeList } from './NoticeList';
import { NotHomeList } from './NotHomeList';
import { ReminderList } from './ReminderList';
import { SessionList } from './SessionList';

export interface TodayContentProps {
  unitId: string;
  overview: TodayOverview;
  people: ReadonlyMap<string, Participant>;
}

/** Counts first (what a coordinator checks at 9:00), then classes, reminders, notices and meals. */
export function TodayContent({ unitId, overview, people }: TodayContentProps) {
  const t = useT();
  const canDecide = mayWrite(useLocalSession().data?.roles ?? [], 'dayMarks');
  return (
    <>
      <DayNotice overview={overview} />
      <section class="today__counts" aria-labelledby="today-counts">
        <div class="section-head">
          <h2 id="today-counts" class="section-head__title">{t('today.counts')}</h2>
          <Link href="/obecnosc" class="button button--primary">{t('today.goToAttendance')}</Link>
        </div>
        <CountTiles counts={overview.counts} labelledBy="today-counts" />
      </section>
      <ContradictionList unitId={unitId} day={overview.day} people={people} canDecide={canDecide} />
      <div class="today__grid">
        <SessionList sessions={overview.sessions} />
        <div class="today__side">
          <NotHomeList unitId={unitId} overview={overview} people={people} />
          <ReminderList reminders={overview.reminders} />
          <NoticeList notices={overview.notices} people={people} />
          {overview.mealsToday !== null && <MealsCard meals={overview.mealsToday} overview={overview} />}
        </div>
      </div>
    </>
  );
}
