/**
 * The demo centre: a complete, invented municipal centre (Zielony Dół) for trying Obecni out,
 * for tests and for benchmarks. Pure and seeded: the same options give byte-identical output,
 * "today" and "now" are parameters, and every record passes `validateRecord`.
 */
import { addMonths } from '../calendar';
import type { AnyRecord, EntityMap, EntityName } from '../entities/registry';
import { createContext } from './context';
import { makeHistory } from './history';
import { makeOrganization } from './organization';
import { makeParticipants } from './participants';
import { makeActivities, makeRoutes } from './plan';
import { makeSessionMarks } from './session-history';
import type { DemoCentre, DemoOptions } from './types';

export { DEMO_PASSWORD, type DemoAccount, type DemoCentre, type DemoOptions } from './types';

/** Builds the demo centre described by `opts` (defaults: 30 WTZ, 25 Senior+, 20 children, 3 months of history). */
export function generateDemoCentre(opts: DemoOptions): DemoCentre {
  const counts = {
    wtz: Math.max(0, Math.floor(opts.wtzParticipants ?? 30)),
    senior: Math.max(0, Math.floor(opts.seniorParticipants ?? 25)),
    kids: Math.max(0, Math.floor(opts.childrenParticipants ?? 20)),
  };
  const historyStart = addMonths(opts.today, -Math.max(0, Math.floor(opts.historyMonths ?? 3)));
  const ctx = createContext(opts.seed, opts.today, opts.nowMs, historyStart);
  const org = makeOrganization(ctx, counts);
  const studios = org.rooms.filter((r) => r.unitId === org.wtz.id && r.isStudio);
  const people = makeParticipants(ctx, org, studios, counts);
  const { activities, sessions } = makeActivities(ctx, org, people);
  const { routes, stops } = makeRoutes(ctx, org, people.wtz, people.senior);
  const history = makeHistory(ctx, org, people, people.longAbsentId, people.birthdayId);
  const everyone = [...people.wtz, ...people.senior, ...people.kids];
  const sessionMarks = makeSessionMarks(ctx, [org.wtz, org.senior, org.kids], everyone, activities, sessions, history.dayMarks);

  const records: { entity: EntityName; data: AnyRecord }[] = [];
  const add = <E extends EntityName>(entity: E, list: readonly EntityMap[E][]) => {
    for (const data of list) records.push({ entity, data });
  };
  add('organizations', [org.organization]);
  add('units', [org.wtz, org.senior, org.kids]);
  add('rooms', org.rooms);
  add('staff', org.staff);
  add('participants', everyone);
  add('activities', activities);
  add('sessions', sessions);
  add('routes', routes);
  add('routeStops', stops);
  add('absenceNotices', history.notices);
  add('dayMarks', history.dayMarks);
  add('sessionMarks', sessionMarks);
  add('mealOrders', history.mealOrders);
  return { organization: org.organization, records, accounts: org.accounts };
}
