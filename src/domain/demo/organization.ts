/**
 * The demo tenant: the social-assistance office of Zielony Dół with its three units (a WTZ, a
 * Senior+ day home and a children's day room), their rooms, the staff and the demo logins.
 */
import { addDays, isPublicHoliday, isUnitOpen, polishPublicHolidays, weekdayOf } from '../calendar';
import type { Day } from '../primitives';
import type { Organization } from '../entities/organization';
import type { Room } from '../entities/room';
import type { Role, StaffMember } from '../entities/staff';
import type { ClosedDay, Unit, UnitKind } from '../entities/unit';
import { foldForSearch } from '../rules/polish-sort';
import type { DemoContext } from './context';
import { familyName, mobilePhone, personName } from './people';
import type { Rand } from './random';
import { TOWN, type Gender } from './names';
import { DEMO_PASSWORD, type DemoAccount } from './types';

export const WTZ_STUDIOS = [
  'Pracownia gospodarstwa domowego', 'Pracownia ogrodnicza', 'Pracownia rękodzieła', 'Pracownia stolarska',
  'Pracownia krawiecko-hafciarska', 'Pracownia poligraficzno-komputerowa',
] as const;

/** The generated organization, units, rooms, staff and accounts. */
export interface DemoOrganization {
  organization: Organization;
  wtz: Unit;
  senior: Unit;
  kids: Unit;
  rooms: Room[];
  /** Rooms by unit id and name. */
  room(unitId: string, name: string): Room;
  staff: StaffMember[];
  /** Staff by role key ('admin', 'instructor0', 'driver1'...). */
  staffBy: Map<string, StaffMember>;
  accounts: DemoAccount[];
}

/** Days off given for holidays that fall on a Saturday (Labour Code art. 130 § 2), within [from, to]. */
function substituteDaysOff(from: Day, to: Day, today: Day): ClosedDay[] {
  const out: ClosedDay[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of polishPublicHolidays(year)) {
      if (weekdayOf(h.day) !== 6) continue;
      let d = addDays(h.day, -1);
      while (isPublicHoliday(d) || out.some((c) => c.day === d)) d = addDays(d, -1);
      if (d >= from && d <= to && d !== today) out.push({ day: d, reason: `Dzień wolny za święto (${h.name}) w sobotę` });
    }
  }
  return out;
}

interface UnitSpec { name: string; kind: UnitKind; street: string; open: string; close: string; seats: number; meals: boolean; transport: boolean; hours: number; limit: number | null; cutoff: string | null }

function makeUnit(ctx: DemoContext, spec: UnitSpec, closedDays: ClosedDay[]): Unit {
  return {
    ...ctx.meta(ctx.newId()),
    name: spec.name, kind: spec.kind, address: `${spec.street}, ${TOWN.postalCode} ${TOWN.name}`,
    openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: spec.open, close: spec.close })),
    seats: spec.seats, servesMeals: spec.meals, runsTransport: spec.transport, dailyHoursTarget: spec.hours,
    closedDays, absenceStreakAlertDays: 5, absenceLimitDays: spec.limit, mealCutoffTime: spec.cutoff,
  };
}

/** A staff training day about three weeks back, on a day the unit would otherwise be open. */
function trainingDay(unit: Unit, today: Day): ClosedDay {
  let d = addDays(today, -24);
  while (!isUnitOpen(unit, d)) d = addDays(d, 1);
  return { day: d, reason: 'Szkolenie kadry' };
}

function makeUnits(ctx: DemoContext, counts: { wtz: number; senior: number; kids: number }) {
  const closed = substituteDaysOff(ctx.historyStart, addDays(ctx.today, 366), ctx.today);
  const wtz = makeUnit(ctx, {
    name: 'Warsztat Terapii Zajęciowej „Promyk”', kind: 'wtz', street: 'ul. Parkowa 12', open: '08:00', close: '15:00',
    seats: Math.max(30, counts.wtz), meals: true, transport: true, hours: 7, limit: 30, cutoff: '09:00',
  }, closed);
  const withTraining = { ...wtz, closedDays: [...closed, trainingDay(wtz, ctx.today)].sort((a, b) => a.day.localeCompare(b.day)) };
  const senior = makeUnit(ctx, {
    name: 'Dzienny Dom Aktywny Senior „Pogodna Jesień”', kind: 'activeSeniorHome', street: 'ul. Lipowa 3', open: '08:00', close: '16:00',
    seats: Math.max(25, counts.senior), meals: true, transport: true, hours: 8, limit: null, cutoff: '09:30',
  }, closed);
  const kids = makeUnit(ctx, {
    name: 'Świetlica środowiskowa „Kolorowo”', kind: 'childrenDayRoom', street: 'ul. Szkolna 7', open: '12:00', close: '18:00',
    seats: Math.max(20, counts.kids), meals: false, transport: false, hours: 5, limit: null, cutoff: null,
  }, closed);
  return { wtz: withTraining, senior, kids };
}

const ROOMS: Record<'wtz' | 'senior' | 'kids', readonly (readonly [string, boolean, number | null])[]> = {
  wtz: [
    ...WTZ_STUDIOS.map((name) => [name, true, 8] as const),
    ['Sala rehabilitacyjna', false, 10], ['Sala spotkań', false, 40], ['Gabinet psychologa', false, 3],
  ],
  senior: [
    ['Pracownia plastyczna', false, 12], ['Pracownia kulinarna', false, 10], ['Sala multimedialna', false, 10],
    ['Sala relaksacyjna', false, 30], ['Sala rehabilitacyjna', false, 8],
  ],
  kids: [['Sala nauki', false, 20], ['Sala plastyczna', false, 12], ['Sala gier i zabaw', false, 20]],
};

/** [key, role, job title, gender, unit keys] of every staff member. */
type StaffSpec = readonly [string, Role, string, Gender, readonly ('wtz' | 'senior' | 'kids')[]];

const STAFF: readonly StaffSpec[] = [
  ['admin', 'administrator', 'Informatyk MOPS', 'male', ['wtz', 'senior', 'kids']],
  ['coordinator', 'coordinator', 'Koordynator placówek wsparcia dziennego', 'female', ['wtz', 'senior', 'kids']],
  ['headWtz', 'coordinator', 'Kierownik Warsztatu Terapii Zajęciowej', 'female', ['wtz']],
  ['headSenior', 'coordinator', 'Kierownik Dziennego Domu Aktywny Senior', 'female', ['senior']],
  ['headKids', 'coordinator', 'Kierownik świetlicy środowiskowej', 'male', ['kids']],
  ...WTZ_STUDIOS.map((studio, i): StaffSpec =>
    [`instructor${i}`, 'therapist', `Instruktor terapii zajęciowej (${studio.toLowerCase()})`, i % 3 === 1 ? 'male' : 'female', ['wtz']]),
  ['physioWtz', 'therapist', 'Fizjoterapeuta', 'male', ['wtz']],
  ['psychologist', 'therapist', 'Psycholog', 'female', ['wtz', 'senior']],
  ['otSenior', 'therapist', 'Terapeuta zajęciowy', 'female', ['senior']],
  ['physioSenior', 'therapist', 'Fizjoterapeuta', 'female', ['senior']],
  ['cultureSenior', 'therapist', 'Instruktor ds. kulturalno-oświatowych', 'male', ['senior']],
  ['carerSenior', 'therapist', 'Opiekun osób starszych', 'female', ['senior']],
  ['educator1', 'therapist', 'Wychowawca', 'female', ['kids']],
  ['educator2', 'therapist', 'Pedagog', 'male', ['kids']],
  ['driver1', 'driver', 'Kierowca', 'male', ['wtz']],
  ['driver2', 'driver', 'Kierowca', 'male', ['senior']],
  ['cook', 'kitchen', 'Kucharka', 'female', ['wtz', 'senior']],
];

/** Login names of the demo accounts, by staff key. */
const LOGINS: readonly (readonly [string, string])[] = [
  ['admin', 'admin'], ['coordinator', 'koordynator'], ['instructor0', 'terapeuta'], ['driver1', 'kierowca'], ['cook', 'kuchnia'],
];

function makeStaff(ctx: DemoContext, rand: Rand, unitIds: Record<'wtz' | 'senior' | 'kids', string>): StaffMember[] {
  return STAFF.map(([key, role, jobTitle, gender, units]) => {
    const name = personName(rand, gender, 'adult', familyName(rand));
    const email = `${foldForSearch(name.firstName)}.${foldForSearch(name.lastName)}@mops.zielony-dol.example`;
    return {
      ...ctx.meta(key === 'admin' ? ctx.adminId : ctx.newId()),
      ...name, role, jobTitle, unitIds: units.map((u) => unitIds[u]),
      phone: mobilePhone(rand), email: role === 'driver' ? null : email, active: true,
    };
  });
}

/** Builds the organization, units, rooms, staff and demo accounts. */
export function makeOrganization(ctx: DemoContext, counts: { wtz: number; senior: number; kids: number }): DemoOrganization {
  const organization: Organization = { ...ctx.meta(ctx.organizationId), name: 'Miejski Ośrodek Pomocy Społecznej w Zielonym Dole', city: TOWN.name };
  const { wtz, senior, kids } = makeUnits(ctx, counts);
  const byKey = { wtz, senior, kids };
  const rooms: Room[] = [];
  for (const key of ['wtz', 'senior', 'kids'] as const) {
    for (const [name, isStudio, capacity] of ROOMS[key]) {
      rooms.push({ ...ctx.meta(ctx.newId()), unitId: byKey[key].id, name, isStudio, capacity });
    }
  }
  const staff = makeStaff(ctx, ctx.rand, { wtz: wtz.id, senior: senior.id, kids: kids.id });
  const staffBy = new Map(STAFF.map(([key], i) => [key, staff[i] as StaffMember]));
  const accounts = LOGINS.map(([key, login]): DemoAccount => {
    const s = staffBy.get(key) as StaffMember;
    return { id: s.id, login, displayName: `${s.firstName} ${s.lastName}`, role: s.role, unitIds: [...s.unitIds], password: DEMO_PASSWORD };
  });
  const room = (unitId: string, name: string): Room => {
    const found = rooms.find((r) => r.unitId === unitId && r.name === name);
    if (!found) throw new RangeError('unknownRoom');
    return found;
  };
  return { organization, wtz, senior, kids, rooms, room, staff, staffBy, accounts };
}
