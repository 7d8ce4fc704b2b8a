/**
 * The invented participants of the three demo units: WTZ adults in six studios with disability
 * certificates and IPRs, Senior+ people aged 60+ with diets and mobility aids, and children with
 * their parents as legal guardians. A few are set up so that the Today reminders have something
 * to show: one expired certificate, some ending soon, IPR reviews due, one birthday today.
 */
import { addDays, addMonths, diffDays, weekdayOf } from '../calendar';
import type { Day, Weekday } from '../primitives';
import { isSeniorKind } from '../rules/kinds/senior';
import type { Contact, Diet, MobilityAid, Participant } from '../entities/participant';
import type { Room } from '../entities/room';
import type { Unit } from '../entities/unit';
import type { DemoContext } from './context';
import type { Gender, Generation } from './names';
import { birthDateForAge, familyName, homeAddress, makePesel, mobilePhone, personName } from './people';
import { chance, pick, randInt, shuffle, weighted, type Rand } from './random';

type Certificate = NonNullable<Participant['disabilityCertificate']>;

export interface DemoParticipants {
  wtz: Participant[];
  senior: Participant[];
  kids: Participant[];
  /** The WTZ participant who has been away for more than a week (the long-absence reminder). */
  longAbsentId: string | null;
  /** The participant whose birthday is today. */
  birthdayId: string | null;
}

const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];
const PART_WEEKS: Weekday[][] = [[1, 3, 5], [2, 3, 4], [1, 2, 4], [2, 4, 5]];
const DRIVER_NOTES = ['Zadzwonić 5 minut przed przyjazdem.', 'Pomóc zejść po schodach.', 'Czeka przed klatką.', 'Domofon nie działa – dzwonić na telefon.'];
const NOTES: Record<'wtz' | 'senior' | 'kids', readonly string[]> = {
  wtz: ['Lubi prace w ogrodzie.', 'Preferuje pracę w małej grupie.', 'Samodzielnie dojeżdża komunikacją miejską.', 'Bierze udział w przeglądach twórczości.'],
  senior: ['Aparat słuchowy – mówić wyraźnie.', 'Chętnie prowadzi zajęcia z szydełkowania.', 'Lubi wycieczki.', 'Śpiewa w zespole seniorów.'],
  kids: ['Odbiera mama po pracy.', 'Lubi zajęcia plastyczne.', 'Pomoc w matematyce.', 'Wraca do domu samodzielnie (zgoda rodziców).'],
};
const ALLERGIES = ['orzechy', 'laktoza', 'pyłki traw', 'truskawki', 'jaja'];

function between(rand: Rand, lo: Day, hi: Day): Day {
  return addDays(lo, randInt(rand, 0, Math.max(0, diffDays(lo, hi))));
}

/** The day itself, or the Monday after when it falls on a weekend (admissions happen on working days). */
function weekdayOrNext(day: Day): Day {
  const w = weekdayOf(day);
  return w >= 6 ? addDays(day, 8 - w) : day;
}

/** An admission day: before the history starts, or during it for a newcomer; never before eligibility. */
function admission(ctx: DemoContext, eligibleFrom: Day, yearsBack: number, newcomer: boolean): Day {
  const day = admissionDay(ctx, eligibleFrom, yearsBack, newcomer);
  const working = weekdayOrNext(day);
  return working <= ctx.today ? working : day;
}

function admissionDay(ctx: DemoContext, eligibleFrom: Day, yearsBack: number, newcomer: boolean): Day {
  const hi = addDays(ctx.historyStart, -1);
  if (newcomer) {
    const lo = eligibleFrom > addDays(ctx.historyStart, 7) ? eligibleFrom : addDays(ctx.historyStart, 7);
    if (lo <= addDays(ctx.today, -14)) return between(ctx.rand, lo, addDays(ctx.today, -14));
  }
  const back = addMonths(ctx.today, -12 * yearsBack);
  const lo = eligibleFrom > back ? eligibleFrom : back;
  return lo > hi ? lo : between(ctx.rand, lo, hi);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** A birth date on today's month-day, `age` years ago (or the nearest leap year for 29 February). */
function birthdayToday(today: Day, age: number): Day {
  let y = Number(today.slice(0, 4)) - age;
  if (today.slice(5) === '02-29') while (!isLeap(y)) y -= 1;
  return `${String(y).padStart(4, '0')}-${today.slice(5)}`;
}

interface Draft {
  gender: Gender; birthDate: Day; generation: Generation; family: string; mobility: MobilityAid;
}

function drafts(ctx: DemoContext, n: number, generation: Generation, pFemale: number, age: () => number,
  mobility: readonly (readonly [MobilityAid, number])[], avoid: ReadonlySet<string>, birthdayIdx: number): Draft[] {
  return Array.from({ length: n }, (_, i) => {
    const a = age();
    return {
      gender: chance(ctx.rand, pFemale) ? 'female' : 'male',
      birthDate: i === birthdayIdx ? birthdayToday(ctx.today, a) : birthDateForAge(ctx.rand, ctx.today, a, avoid),
      generation, family: familyName(ctx.rand), mobility: weighted(ctx.rand, mobility),
    };
  });
}

/** Indexes of the people who ride the bus: everyone with a walker or wheelchair first, then at random. */
function transportRiders(rand: Rand, list: Draft[], count: number): Set<number> {
  const idx = shuffle(rand, list.map((_, i) => i));
  const aided = idx.filter((i) => ['wheelchair', 'walker'].includes(list[i]?.mobility ?? 'none'));
  return new Set([...aided, ...idx.filter((i) => !aided.includes(i))].slice(0, count));
}

function contact(rand: Rand, relation: string, gender: Gender, generation: Generation, family: string | null, guardian: boolean): Contact {
  const name = personName(rand, gender, generation, family ?? undefined);
  return { name: `${name.firstName} ${name.lastName}`, relation, phone: mobilePhone(rand), isLegalGuardian: guardian };
}

function base(ctx: DemoContext, unit: Unit, d: Draft, admissionDate: Day, over: Partial<Participant>): Participant {
  const rand = ctx.rand;
  const { streetIndex: _, ...address } = homeAddress(rand);
  return {
    ...ctx.meta(ctx.newId()),
    ...personName(rand, d.gender, d.generation, d.family),
    birthDate: d.birthDate, pesel: makePesel(rand, d.birthDate, d.gender), unitId: unit.id, studioId: null,
    attendanceWeekdays: MON_FRI, admissionDate, dischargeDate: null, dischargeReason: null, status: 'active',
    phone: chance(rand, 0.7) ? mobilePhone(rand) : null, contacts: [], address,
    transport: { needsTransport: false, mobilityAid: d.mobility, driverNote: '' },
    diet: 'standard', allergies: chance(rand, 0.1) ? pick(rand, ALLERGIES) : '', disabilityCertificate: null,
    rehabPlan: null, consents: { dataProcessing: true, photos: chance(rand, 0.8), outings: chance(rand, 0.92), signedOn: admissionDate },
    notes: chance(rand, 0.3) ? pick(rand, NOTES[unit.kind === 'wtz' ? 'wtz' : isSeniorKind(unit.kind) ? 'senior' : 'kids']) : '',
    ...over,
  };
}

function riderTransport(rand: Rand, d: Draft): Participant['transport'] {
  const note = d.mobility === 'wheelchair' ? 'Wózek – wjazd windą, zapiąć pasy.' : chance(rand, 0.4) ? pick(rand, DRIVER_NOTES) : '';
  return { needsTransport: true, mobilityAid: d.mobility, driverNote: note };
}

const WTZ_DIETS: [Diet, number][] = [['standard', 76], ['diabetic', 8], ['vegetarian', 6], ['glutenFree', 4], ['lactoseFree', 4], ['easyToDigest', 2]];
const SENIOR_DIETS: [Diet, number][] = [['standard', 48], ['diabetic', 24], ['easyToDigest', 16], ['glutenFree', 4], ['lactoseFree', 4], ['vegetarian', 4]];

function makeWtz(ctx: DemoContext, unit: Unit, studios: Room[], n: number, avoid: ReadonlySet<string>, birthdayIdx: number): Participant[] {
  const rand = ctx.rand;
  const list = drafts(ctx, n, 'adult', 0.45, () => 19 + Math.floor(rand() ** 1.4 * 41),
    [['none', 84], ['wheelchair', 7], ['crutches', 4], ['walker', 3], ['cane', 2]], avoid, birthdayIdx);
  const riders = transportRiders(rand, list, Math.round(n / 3));
  const order = shuffle(rand, list.map((_, i) => i));
  const few = Math.max(2, Math.round(n / 12));
  const expired = new Set(order.slice(0, 1));
  const expiring = new Set(order.slice(1, 1 + few));
  const reviewSoon = new Set(shuffle(rand, order).slice(0, few));
  return list.map((d, i) => {
    const admissionDate = admission(ctx, addMonths(d.birthDate, 12 * 18), 12, i % 15 === 14);
    const validUntil = expired.has(i) ? addDays(ctx.today, -randInt(rand, 3, 20))
      : expiring.has(i) ? addDays(ctx.today, randInt(rand, 4, 27))
        : chance(rand, 0.45) ? null : addDays(ctx.today, randInt(rand, 60, 1500));
    const certificate: Certificate = { degree: chance(rand, 0.6) ? 'moderate' : 'severe', validUntil };
    const reviewDate = addDays(ctx.today, reviewSoon.has(i) ? randInt(rand, 1, 12) : randInt(rand, 20, 180));
    const planStart = addDays(reviewDate, -182);
    const guardian = chance(rand, 0.2);
    const parentGeneration: Generation = diffDays(d.birthDate, ctx.today) > 35 * 365 ? 'senior' : 'adult';
    const contacts = [contact(rand, guardian ? 'matka (opiekun prawny)' : 'matka', 'female', parentGeneration, d.family, guardian)];
    if (chance(rand, 0.4)) contacts.push(chance(rand, 0.5) ? contact(rand, 'siostra', 'female', 'adult', null, false) : contact(rand, 'brat', 'male', 'adult', d.family, false));
    return base(ctx, unit, d, admissionDate, {
      studioId: studios[i % studios.length]?.id ?? null,
      contacts, diet: weighted(rand, WTZ_DIETS), disabilityCertificate: certificate,
      rehabPlan: { startDate: planStart > admissionDate ? planStart : admissionDate, reviewDate },
      transport: riders.has(i) ? riderTransport(rand, d) : { needsTransport: false, mobilityAid: d.mobility, driverNote: '' },
      pesel: chance(rand, 0.93) ? makePesel(rand, d.birthDate, d.gender) : null,
    });
  });
}

function makeSeniors(ctx: DemoContext, unit: Unit, n: number, avoid: ReadonlySet<string>, birthdayIdx: number): Participant[] {
  const rand = ctx.rand;
  const list = drafts(ctx, n, 'senior', 0.7, () => 60 + Math.floor(((rand() + rand()) / 2) * 33),
    [['none', 55], ['cane', 18], ['walker', 14], ['wheelchair', 7], ['crutches', 6]], avoid, birthdayIdx);
  const riders = transportRiders(rand, list, Math.round(n * 0.4));
  return list.map((d, i) => {
    const admissionDate = admission(ctx, addMonths(d.birthDate, 12 * 60), 8, i % 12 === 11);
    const contacts = [chance(rand, 0.6)
      ? contact(rand, 'córka', 'female', 'adult', null, false)
      : contact(rand, 'syn', 'male', 'adult', d.family, false)];
    if (chance(rand, 0.35)) contacts.push(contact(rand, chance(rand, 0.5) ? 'wnuczka' : 'sąsiadka', 'female', 'adult', null, false));
    return base(ctx, unit, d, admissionDate, {
      attendanceWeekdays: chance(rand, 0.8) ? MON_FRI : pick(rand, PART_WEEKS),
      contacts, diet: weighted(rand, SENIOR_DIETS), phone: chance(rand, 0.75) ? mobilePhone(rand) : null,
      disabilityCertificate: chance(rand, 0.35) ? { degree: chance(rand, 0.6) ? 'moderate' : 'severe', validUntil: null } : null,
      transport: riders.has(i) ? riderTransport(rand, d) : { needsTransport: false, mobilityAid: d.mobility, driverNote: '' },
      pesel: chance(rand, 0.95) ? makePesel(rand, d.birthDate, d.gender) : null,
    });
  });
}

function makeKids(ctx: DemoContext, unit: Unit, n: number, avoid: ReadonlySet<string>, birthdayIdx: number): Participant[] {
  const rand = ctx.rand;
  const list = drafts(ctx, n, 'child', 0.5, () => randInt(rand, 7, 15), [['none', 1]], avoid, birthdayIdx);
  return list.map((d, i) => {
    const admissionDate = admission(ctx, addMonths(d.birthDate, 12 * 6), 5, i % 10 === 9);
    const contacts = [contact(rand, 'matka', 'female', 'adult', d.family, true)];
    if (chance(rand, 0.85)) contacts.push(contact(rand, 'ojciec', 'male', 'adult', d.family, true));
    const age = Number(ctx.today.slice(0, 4)) - Number(d.birthDate.slice(0, 4));
    return base(ctx, unit, d, admissionDate, {
      attendanceWeekdays: chance(rand, 0.7) ? MON_FRI : pick(rand, PART_WEEKS),
      contacts, phone: age >= 12 && chance(rand, 0.6) ? mobilePhone(rand) : null,
      diet: weighted(rand, [['standard', 90], ['glutenFree', 3], ['lactoseFree', 4], ['vegetarian', 3]] as [Diet, number][]),
      consents: { dataProcessing: true, photos: chance(rand, 0.7), outings: chance(rand, 0.95), signedOn: admissionDate },
    });
  });
}

/** Builds the participants of the three units. */
export function makeParticipants(
  ctx: DemoContext, units: { wtz: Unit; senior: Unit; kids: Unit }, studios: Room[], counts: { wtz: number; senior: number; kids: number },
): DemoParticipants {
  const avoid = new Set([ctx.today.slice(5)]);
  const birthdayUnit = counts.senior > 0 ? 'senior' : counts.wtz > 0 ? 'wtz' : counts.kids > 0 ? 'kids' : null;
  const bIdx = (key: 'wtz' | 'senior' | 'kids') => (birthdayUnit === key ? randInt(ctx.rand, 0, counts[key] - 1) : -1);
  const wtzB = bIdx('wtz');
  const seniorB = bIdx('senior');
  const kidsB = bIdx('kids');
  const wtz = makeWtz(ctx, units.wtz, studios, counts.wtz, avoid, wtzB);
  const senior = makeSeniors(ctx, units.senior, counts.senior, avoid, seniorB);
  const kids = makeKids(ctx, units.kids, counts.kids, avoid, kidsB);
  const birthday = wtz[wtzB] ?? senior[seniorB] ?? kids[kidsB] ?? null;
  const settled = wtz.filter((p) => p.admissionDate < ctx.historyStart && p.id !== birthday?.id);
  const longAbsent = settled.length > 0 ? pick(ctx.rand, settled) : null;
  return { wtz, senior, kids, longAbsentId: longAbsent?.id ?? null, birthdayId: birthday?.id ?? null };
}
