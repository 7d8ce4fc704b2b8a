/**
 * The weekly plan as the Plan tygodnia screen shows it: recurring classes grouped by weekday,
 * Monday first (weekend days only when something happens then), and upcoming one-off events.
 */
import { comparePolish, type Activity, type Day, type Weekday } from '../../../domain';

type Recurring = Extract<Activity, { kind: 'recurring' }>;
type OneOff = Extract<Activity, { kind: 'oneOff' }>;

/** One weekday of the plan with its classes in time order. */
export interface PlanDay {
  weekday: Weekday;
  activities: Recurring[];
}

/** The plan: weekdays Monday first, then one-off events from `today` on, by date and time. */
export interface WeekPlan {
  days: PlanDay[];
  oneOffs: OneOff[];
}

const byTime = (a: Activity, b: Activity) =>
  a.startTime.localeCompare(b.startTime) || comparePolish(a.title, b.title);

/** Groups the unit's activities; recurring classes that ended before `today` are left out. */
export function buildWeekPlan(activities: readonly Activity[], today: Day): WeekPlan {
  const current = activities.filter((a) => !a.deleted);
  const recurring = current.filter((a): a is Recurring => a.kind === 'recurring' && (a.validTo === null || a.validTo >= today));
  const weekdays: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
  const days = weekdays
    .map((weekday) => ({ weekday, activities: recurring.filter((a) => a.weekdays.includes(weekday)).sort(byTime) }))
    .filter((d) => d.weekday <= 5 || d.activities.length > 0);
  const oneOffs = current
    .filter((a): a is OneOff => a.kind === 'oneOff' && a.day >= today)
    .sort((a, b) => a.day.localeCompare(b.day) || byTime(a, b));
  return { days, oneOffs };
}
