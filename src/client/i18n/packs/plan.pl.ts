/** Polish messages of the plan screens (a pack: loaded with the screen, see packs/index.ts). */
import type { PolishPlural } from '../types';

export const planPl = {
  'plan.title': 'Plan tygodnia',
  'plan.empty': 'Ta placówka nie ma jeszcze zaplanowanych zajęć.',
  'plan.dayEmpty': 'Brak zajęć',
  'plan.oneOff': 'Wydarzenia jednorazowe',
  'plan.from': 'od {date}',
  'plan.until': 'do {date}',
  'plan.place': 'Miejsce: {place}',
} as const satisfies Record<string, string | PolishPlural>;
