/**
 * Invented personal details for the demo centre: names, birth dates of a given age, PESEL numbers
 * that agree with the birth date and gender, mobile phone numbers and addresses in Zielony Dół.
 */
import { addDays, addMonths, ageOn } from '../calendar';
import type { Day } from '../primitives';
import type { Address } from '../entities/participant';
import {
  MASCULINE_SURNAMES, STREETS, TOWN, VILLAGE_STREETS, VILLAGES, firstNames, surnameFor, type Gender, type Generation,
} from './names';
import { chance, pick, randInt, type Rand } from './random';

/** A first and last name for a person of `gender` and `generation`; `surname` keeps a family's name. */
export function personName(rand: Rand, gender: Gender, generation: Generation, surname?: string): { firstName: string; lastName: string } {
  return {
    firstName: pick(rand, firstNames(generation, gender)),
    lastName: surnameFor(surname ?? pick(rand, MASCULINE_SURNAMES), gender),
  };
}

/** A random masculine surname (the family name). */
export function familyName(rand: Rand): string {
  return pick(rand, MASCULINE_SURNAMES);
}

/**
 * A birth date of someone exactly `age` years old on `today`, never on one of the `avoid` month-days
 * (`MM-dd`) and never on 29 February, so that birthdays fall only where the generator wants them.
 */
export function birthDateForAge(rand: Rand, today: Day, age: number, avoid: ReadonlySet<string>): Day {
  const earliest = addDays(addMonths(today, -12 * (age + 1)), 1);
  let day = earliest;
  for (let attempt = 0; attempt < 50; attempt++) {
    day = addDays(earliest, randInt(rand, 0, 364));
    const md = day.slice(5);
    if (md !== '02-29' && !avoid.has(md) && ageOn(day, today) === age) return day;
  }
  return day;
}

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** A PESEL for `birthDate` and `gender` with a valid check digit (the serial number is invented). */
export function makePesel(rand: Rand, birthDate: Day, gender: Gender): string {
  const year = Number(birthDate.slice(0, 4));
  const month = Number(birthDate.slice(5, 7));
  const offset = year >= 2200 ? 60 : year >= 2100 ? 40 : year >= 2000 ? 20 : year >= 1900 ? 0 : 80;
  const sexDigit = 2 * randInt(rand, 0, 4) + (gender === 'male' ? 1 : 0);
  const body = `${String(year % 100).padStart(2, '0')}${String(month + offset).padStart(2, '0')}${birthDate.slice(8, 10)}`
    + `${String(randInt(rand, 0, 999)).padStart(3, '0')}${sexDigit}`;
  const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * (PESEL_WEIGHTS[i] ?? 0), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const MOBILE_PREFIXES = [
  '501', '502', '505', '509', '512', '515', '518', '530', '533', '535', '600', '601', '602', '603', '604', '605',
  '606', '607', '608', '609', '660', '661', '662', '663', '664', '665', '667', '668', '669', '690', '691', '692',
  '693', '694', '695', '696', '697', '698', '721', '724', '725', '728', '730', '731', '732', '736', '738', '780',
  '781', '782', '784', '785', '790', '791', '792', '793', '795', '797', '798', '880', '881', '883', '885', '886', '888',
];

/** A Polish mobile number written `+48 6xx xxx xxx`. */
export function mobilePhone(rand: Rand): string {
  const three = () => String(randInt(rand, 0, 999)).padStart(3, '0');
  return `+48 ${pick(rand, MOBILE_PREFIXES)} ${three()} ${three()}`;
}

/** A home address: mostly in Zielony Dół, sometimes in a nearby village. */
export function homeAddress(rand: Rand): Address & { streetIndex: number } {
  if (chance(rand, 0.15)) {
    const village = pick(rand, VILLAGES);
    const street = pick(rand, VILLAGE_STREETS);
    const number = String(randInt(rand, 1, 60));
    return {
      street: street ? `${street} ${number}` : `${village.name} ${number}`,
      postalCode: village.postalCode, city: village.name, streetIndex: STREETS.length + VILLAGES.indexOf(village),
    };
  }
  const streetIndex = randInt(rand, 0, STREETS.length - 1);
  const flat = chance(rand, 0.35) ? `/${randInt(rand, 1, 40)}` : '';
  return {
    street: `${STREETS[streetIndex] ?? ''} ${randInt(rand, 1, 80)}${flat}`,
    postalCode: TOWN.postalCode, city: TOWN.name, streetIndex,
  };
}
