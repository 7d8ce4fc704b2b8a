/** English messages of the plan screens: exactly the keys of plan.pl.ts (a type error otherwise). */
import type { PackCatalog } from '../types';
import type { planPl } from './plan.pl';

export const planEn: PackCatalog<typeof planPl> = {
  'plan.title': 'Weekly plan',
  'plan.empty': 'This centre has no planned classes yet.',
  'plan.dayEmpty': 'No classes',
  'plan.oneOff': 'One-off events',
  'plan.from': 'from {date}',
  'plan.until': 'until {date}',
  'plan.place': 'Place: {place}',
};
