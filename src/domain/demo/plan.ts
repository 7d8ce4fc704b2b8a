/**
 * The demo week plan and bus runs: recurring classes of each unit (studio work, rehabilitation,
 * computer classes, Nordic walking, homework help...), a few one-off trips and outings, and the
 * morning and afternoon routes of the units that run transport.
 */
import { addDays, addMonths, isUnitOpen, monthOf } from '../calendar';
import type { Day, Weekday } from '../primitives';
import type { Activity, ActivityCategory, Audience } from '../entities/activity';
import { sessionId, type Session } from '../entities/session';
import { activityOccursOn } from '../rules/plan/recurrence';
import type { Participant } from '../entities/participant';
import type { Room } from '../entities/room';
import type { Route, RouteStop } from '../entities/route';
import type { StaffMember } from '../entities/staff';
import type { Unit } from '../entities/unit';
import type { DemoContext } from './context';
import { STREETS, VILLAGES } from './names';
import type { DemoOrganization } from './organization';
import { chance, pick } from './random';

const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];

interface ClassSpec {
  title: string; category: ActivityCategory; room: string | null; staff: string[]; weekdays: Weekday[];
  start: string; end: string; capacity?: number;
  /** The audience: the class's own studio (`studio`), another room's studio, or chosen people. */
  studio?: boolean; studioOf?: string; people?: { count: number; offset: number };
}

const WTZ_CATEGORY: ActivityCategory[] = ['cooking', 'occupationalTherapy', 'occupationalTherapy', 'occupationalTherapy', 'occupationalTherapy', 'computerClass'];

/**
 * The WTZ week: 7 hours of classes a day, 35 a week (the regulation's maximum, which the unit's
 * funding expects). The day starts with the community meeting (Monday) or morning exercises,
 * then studio work, lunch as self-care training, and afternoon studio work; once a week each
 * studio goes with its instructor to rehabilitation and social-skills training instead (two
 * studios share Monday, one of them the other way round). At most five people per staff member.
 */
function wtzPlan(studios: Room[]): ClassSpec[] {
  const instructors = studios.map((_, i) => `instructor${i}`);
  const plan: ClassSpec[] = [
    { title: 'Zebranie społeczności warsztatu', category: 'other', room: 'Sala spotkań', staff: ['headWtz', ...instructors], weekdays: [1], start: '08:00', end: '08:30' },
    { title: 'Gimnastyka poranna', category: 'rehabilitation', room: 'Sala spotkań', staff: ['physioWtz', ...instructors], weekdays: [2, 3, 4, 5], start: '08:00', end: '08:30' },
    { title: 'Obiad – trening samoobsługi', category: 'other', room: 'Sala spotkań', staff: instructors, weekdays: MON_FRI, start: '12:00', end: '12:30' },
  ];
  studios.forEach((s, i) => {
    const day = ((i % 5) + 1) as Weekday;
    const instructor = `instructor${i}`;
    const rehabFirst = i !== 1 && i < 5;
    const slots = rehabFirst ? [['12:30', '14:00'], ['14:00', '15:00']] : [['14:00', '15:00'], ['12:30', '14:00']];
    plan.push(
      { title: `${s.name} – zajęcia`, category: WTZ_CATEGORY[i] ?? 'occupationalTherapy', room: s.name, staff: [instructor], weekdays: MON_FRI, start: '08:30', end: '12:00', studio: true },
      { title: `${s.name} – zajęcia popołudniowe`, category: WTZ_CATEGORY[i] ?? 'occupationalTherapy', room: s.name, staff: [instructor], weekdays: MON_FRI.filter((d) => d !== day), start: '12:30', end: '15:00', studio: true },
      { title: `Rehabilitacja ruchowa – ${s.name}`, category: 'rehabilitation', room: 'Sala rehabilitacyjna', staff: ['physioWtz', instructor], weekdays: [day], start: slots[0]![0]!, end: slots[0]![1]!, studioOf: s.name },
      { title: `Trening umiejętności społecznych – ${s.name}`, category: 'psychologicalSupport', room: 'Sala spotkań', staff: ['psychologist', instructor], weekdays: [day], start: slots[1]![0]!, end: slots[1]![1]!, studioOf: s.name },
    );
  });
  return plan;
}

/** The day home ("Aktywny Senior", with ASY's dementia prevention): whole-home classes in the day room; the small-group ones (seats) for chosen people. */
const SENIOR_PLAN: ClassSpec[] = [
  { title: 'Gimnastyka poranna', category: 'rehabilitation', room: 'Sala relaksacyjna', staff: ['physioSenior'], weekdays: MON_FRI, start: '08:30', end: '09:00' },
  { title: 'Terapia zajęciowa – rękodzieło', category: 'occupationalTherapy', room: 'Pracownia plastyczna', staff: ['otSenior'], weekdays: [1, 3], start: '09:15', end: '11:15', capacity: 12, people: { count: 12, offset: 0 } },
  { title: 'Zajęcia komputerowe', category: 'computerClass', room: 'Sala multimedialna', staff: ['cultureSenior'], weekdays: [2, 4], start: '09:15', end: '10:45', capacity: 8, people: { count: 8, offset: 3 } },
  { title: 'Warsztaty kulinarne', category: 'cooking', room: 'Pracownia kulinarna', staff: ['carerSenior'], weekdays: [5], start: '09:15', end: '11:15', capacity: 10, people: { count: 10, offset: 6 } },
  { title: 'Rehabilitacja indywidualna', category: 'rehabilitation', room: 'Sala rehabilitacyjna', staff: ['physioSenior'], weekdays: [2, 4], start: '11:00', end: '13:00', capacity: 6, people: { count: 6, offset: 12 } },
  { title: 'Nordic walking', category: 'nordicWalking', room: null, staff: ['physioSenior'], weekdays: [3, 5], start: '11:30', end: '12:30' },
  { title: 'Trening pamięci (profilaktyka otępienna)', category: 'dementiaPrevention', room: 'Sala relaksacyjna', staff: ['otSenior'], weekdays: [1, 3], start: '13:30', end: '14:30' },
  { title: 'Muzykoterapia', category: 'musicTherapy', room: 'Sala relaksacyjna', staff: ['cultureSenior'], weekdays: [4], start: '13:30', end: '14:30' },
  { title: 'Wsparcie psychologiczne – grupa', category: 'psychologicalSupport', room: 'Sala relaksacyjna', staff: ['psychologist'], weekdays: [2], start: '14:30', end: '15:30' },
];

const KIDS_PLAN: ClassSpec[] = [
  { title: 'Pomoc w odrabianiu lekcji', category: 'education', room: 'Sala nauki', staff: ['educator1'], weekdays: MON_FRI, start: '13:00', end: '14:30' },
  { title: 'Zajęcia plastyczne', category: 'art', room: 'Sala plastyczna', staff: ['educator2'], weekdays: [1, 3], start: '15:00', end: '16:30', capacity: 12, people: { count: 12, offset: 0 } },
  { title: 'Zajęcia sportowe', category: 'other', room: 'Sala gier i zabaw', staff: ['educator2'], weekdays: [2, 4], start: '15:00', end: '16:30' },
  { title: 'Gry planszowe i zabawy integracyjne', category: 'other', room: 'Sala gier i zabaw', staff: ['educator1'], weekdays: [5], start: '15:00', end: '17:00' },
];

function staffIds(org: DemoOrganization, keys: string[]): string[] {
  return keys.map((k) => org.staffBy.get(k)?.id).filter((id): id is string => id !== undefined);
}

/** `count` of the unit's people who come on every weekday of the class, starting at `offset` (wrapping). */
function chosenPeople(people: readonly Participant[], weekdays: readonly Weekday[], count: number, offset: number): string[] {
  const fit = people.filter((p) => p.status === 'active' && weekdays.every((d) => p.attendanceWeekdays.includes(d)));
  if (fit.length === 0) return [];
  const n = Math.min(count, fit.length);
  return Array.from({ length: n }, (_, i) => fit[(offset + i) % fit.length]!.id);
}

function recurring(ctx: DemoContext, org: DemoOrganization, unit: Unit, spec: ClassSpec, validFrom: Day, people: readonly Participant[]): Activity {
  const room = spec.room ? org.room(unit.id, spec.room) : null;
  const studio = spec.studioOf ? org.room(unit.id, spec.studioOf) : spec.studio ? room : null;
  const audience: Audience = studio ? { type: 'studio', studioId: studio.id }
    : spec.people ? { type: 'people', participantIds: chosenPeople(people, spec.weekdays, spec.people.count, spec.people.offset) } : { type: 'unit' };
  return {
    ...ctx.meta(ctx.newId()), unitId: unit.id, title: spec.title, category: spec.category, roomId: room?.id ?? null,
    staffIds: staffIds(org, spec.staff), audience, capacity: spec.capacity ?? null, startTime: spec.start, endTime: spec.end,
    kind: 'recurring', weekdays: spec.weekdays, validFrom, validTo: null,
  };
}

/** The first day from `from` on which the unit is open (looking at most two months ahead). */
function firstOpenDay(unit: Unit, from: Day): Day {
  let d = from;
  for (let i = 0; i < 60 && !isUnitOpen(unit, d); i++) d = addDays(d, 1);
  return d;
}

interface OneOffSpec { unit: Unit; day: Day; title: string; category: ActivityCategory; place: string; needsBus: boolean; staff: string[]; start: string; end: string }

function oneOff(ctx: DemoContext, org: DemoOrganization, s: OneOffSpec): Activity {
  return {
    ...ctx.meta(ctx.newId()), unitId: s.unit.id, title: s.title, category: s.category, roomId: null,
    staffIds: staffIds(org, s.staff), audience: { type: 'unit' }, capacity: null, startTime: s.start, endTime: s.end,
    kind: 'oneOff', day: s.day, place: s.place, needsBus: s.needsBus,
  };
}

/**
 * The occurrences a whole-unit trip or event replaces: the unit's weekly classes overlapping it
 * that day are cancelled (session records), as a coordinator does when the whole unit goes out.
 */
function cancelledFor(ctx: DemoContext, trip: Activity, weekly: readonly Activity[]): Session[] {
  if (trip.kind !== 'oneOff') return [];
  return weekly
    .filter((a) => a.unitId === trip.unitId && activityOccursOn(a, trip.day) && a.startTime < trip.endTime && trip.startTime < a.endTime)
    .map((a) => ({
      ...ctx.meta(sessionId(a.id, trip.day)), activityId: a.id, unitId: a.unitId, day: trip.day, status: 'cancelled' as const,
      movedTo: null, substituteStaffIds: null, topic: '', notes: `Odwołane: ${trip.title}`,
    }));
}

/**
 * The recurring week plan of every unit plus one past trip and two coming outings, and the
 * cancellations the whole-unit trip and event make. The children's library outing deliberately
 * overlaps that afternoon's class, a conflict the planner shows.
 */
export function makeActivities(
  ctx: DemoContext, org: DemoOrganization, people: { wtz: readonly Participant[]; senior: readonly Participant[]; kids: readonly Participant[] },
): { activities: Activity[]; sessions: Session[] } {
  const validFrom = `${monthOf(addMonths(ctx.historyStart, -6))}-01`;
  const studios = org.rooms.filter((r) => r.unitId === org.wtz.id && r.isStudio);
  const plan: Activity[] = [
    ...wtzPlan(studios).map((s) => recurring(ctx, org, org.wtz, s, validFrom, people.wtz)),
    ...SENIOR_PLAN.map((s) => recurring(ctx, org, org.senior, s, validFrom, people.senior)),
    ...KIDS_PLAN.map((s) => recurring(ctx, org, org.kids, s, validFrom, people.kids)),
  ];
  let tripDay = firstOpenDay(org.wtz, addDays(ctx.today, 7));
  if (tripDay > addDays(ctx.today, 14)) tripDay = firstOpenDay(org.wtz, addDays(ctx.today, 1));
  const instructors = studios.map((_, i) => `instructor${i}`);
  const seniorTrip = oneOff(ctx, org, {
    unit: org.senior, day: firstOpenDay(org.senior, addDays(ctx.today, -21)), title: 'Wycieczka do ogrodu botanicznego',
    category: 'trip', place: 'Ogród botaniczny w Dębowej Woli', needsBus: true, staff: ['otSenior', 'carerSenior', 'driver2'], start: '09:00', end: '14:00',
  });
  const wtzEvent = oneOff(ctx, org, {
    unit: org.wtz, day: tripDay, title: 'Przegląd twórczości warsztatów terapii zajęciowej', category: 'event',
    place: 'Gminny Ośrodek Kultury w Łąkowie', needsBus: true, staff: ['headWtz', ...instructors, 'driver1'], start: '08:30', end: '15:00',
  });
  const kidsOuting = oneOff(ctx, org, {
    unit: org.kids, day: firstOpenDay(org.kids, addDays(ctx.today, 3)), title: 'Wyjście do biblioteki miejskiej',
    category: 'outing', place: 'Biblioteka Miejska, ul. Szkolna 4', needsBus: false, staff: ['educator1'], start: '14:30', end: '16:30',
  });
  const sessions = [...cancelledFor(ctx, seniorTrip, plan), ...cancelledFor(ctx, wtzEvent, plan)];
  plan.push(seniorTrip, wtzEvent, kidsOuting);
  return { activities: plan, sessions };
}

const VEHICLES: Record<'wtz' | 'senior', readonly { name: string; seats: number; wheelchairs: number }[]> = {
  wtz: [{ name: 'Fiat Ducato 9-osobowy', seats: 8, wheelchairs: 1 }, { name: 'Mercedes-Benz Sprinter 14-osobowy z windą', seats: 13, wheelchairs: 2 }],
  senior: [{ name: 'Fiat Ducato 9-osobowy', seats: 8, wheelchairs: 1 }, { name: 'Ford Transit 14-osobowy z windą', seats: 13, wheelchairs: 2 }],
};
const PICKUP_POINTS = ['Przystanek przy kościele', 'Przed sklepem „Groszek”', 'Parking przy ośrodku zdrowia'];
const MAX_STOPS = 12;

/** Where on the way a home lies: villages first (the bus starts out of town), then streets in order. */
function wayKey(p: Participant): number {
  const street = STREETS.findIndex((s) => p.address.street.startsWith(`${s} `));
  if (street >= 0) return street;
  return -1 - VILLAGES.findIndex((v) => v.name === p.address.city);
}

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const toTime = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function routesOf(ctx: DemoContext, unit: Unit, key: 'wtz' | 'senior', riders: Participant[], driver: StaffMember | undefined) {
  const routes: Route[] = [];
  const stops: RouteStop[] = [];
  const hours = unit.openingHours[0];
  if (!hours || riders.length === 0) return { routes, stops };
  const ordered = [...riders].sort((a, b) => wayKey(a) - wayKey(b) || a.address.street.localeCompare(b.address.street, 'pl'));
  const runs = Math.ceil(ordered.length / MAX_STOPS);
  const label = key === 'wtz' ? 'WTZ „Promyk”' : 'Aktywny Senior „Pogodna Jesień”';
  const size = Math.ceil(ordered.length / runs);
  for (let r = 0; r < runs; r++) {
    const group = ordered.slice(r * size, (r + 1) * size);
    const wheelchairs = group.filter((p) => p.transport.mobilityAid === 'wheelchair').length;
    const vehicle = VEHICLES[key].find((v) => v.seats > group.length && v.wheelchairs >= wheelchairs) ?? VEHICLES[key][1] ?? { name: '', seats: 13, wheelchairs: 2 };
    const suffix = runs > 1 ? ` ${r + 1}` : '';
    const firstPickup = toMinutes(hours.open) - 10 - 5 * group.length;
    const pickup = new Map(group.map((p) => [p.id, chance(ctx.rand, 0.08) ? pick(ctx.rand, PICKUP_POINTS) : '']));
    for (const [direction, name, departure, order] of [
      ['toCentre', `Dowóz – ${label} – kurs poranny${suffix}`, firstPickup - 10, group],
      ['home', `Odwóz – ${label} – kurs popołudniowy${suffix}`, toMinutes(hours.close) + 10, [...group].reverse()],
    ] as const) {
      const route: Route = {
        ...ctx.meta(ctx.newId()), unitId: unit.id, name, direction, vehicleName: vehicle.name,
        seats: Math.max(vehicle.seats, group.length), wheelchairPlaces: Math.max(vehicle.wheelchairs, wheelchairs),
        driverStaffId: r === 0 ? driver?.id ?? null : null, departureTime: toTime(departure),
      };
      routes.push(route);
      order.forEach((p, i) => stops.push({
        ...ctx.meta(ctx.newId()), routeId: route.id, unitId: unit.id, participantId: p.id, position: i + 1,
        pickupAddress: pickup.get(p.id) ?? '', plannedTime: toTime(departure + 10 + 5 * i),
      }));
    }
  }
  return { routes, stops };
}

/** Morning and afternoon bus runs of the WTZ and the Senior+ home, with every rider as a stop. */
export function makeRoutes(ctx: DemoContext, org: DemoOrganization, wtz: Participant[], senior: Participant[]): { routes: Route[]; stops: RouteStop[] } {
  const a = routesOf(ctx, org.wtz, 'wtz', wtz.filter((p) => p.transport.needsTransport), org.staffBy.get('driver1'));
  const b = routesOf(ctx, org.senior, 'senior', senior.filter((p) => p.transport.needsTransport), org.staffBy.get('driver2'));
  return { routes: [...a.routes, ...b.routes], stops: [...a.stops, ...b.stops] };
}
