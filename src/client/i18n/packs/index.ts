/**
 * Message packs: the strings of the lazily loaded screens, kept out of the initial bundle.
 * Each pack is a Polish source file (`<name>.pl.ts`) and its English twin (`<name>.en.ts`, typed so it
 * must have exactly the Polish keys). The keys are part of MessageKey everywhere (type-only imports
 * below), but the strings load with the screen: ScreenOutlet awaits `loadPack(name)` together with the
 * screen's chunk, and switching the language loads the English twin of every pack already in use.
 */
import type { attendancePl } from './attendance.pl';
import type { mealsPl } from './meals.pl';
import type { planPl } from './plan.pl';
import type { registerPl } from './register.pl';
import type { reportsPl } from './reports.pl';
import type { transportPl } from './transport.pl';
import type { Language } from '../types';

/** The keys and Polish messages of every pack (types only: nothing here is bundled). */
export type PackSources = typeof attendancePl & typeof mealsPl & typeof planPl & typeof registerPl & typeof reportsPl & typeof transportPl;

type Entries = Readonly<Record<string, unknown>>;

/** How each pack's catalogs load, per language (each a separate chunk, precached for offline use). */
export const PACK_LOADERS = {
  attendance: { pl: () => import('./attendance.pl').then((m) => m.attendancePl), en: () => import('./attendance.en').then((m) => m.attendanceEn) },
  meals: { pl: () => import('./meals.pl').then((m) => m.mealsPl), en: () => import('./meals.en').then((m) => m.mealsEn) },
  plan: { pl: () => import('./plan.pl').then((m) => m.planPl), en: () => import('./plan.en').then((m) => m.planEn) },
  register: { pl: () => import('./register.pl').then((m) => m.registerPl), en: () => import('./register.en').then((m) => m.registerEn) },
  reports: { pl: () => import('./reports.pl').then((m) => m.reportsPl), en: () => import('./reports.en').then((m) => m.reportsEn) },
  transport: { pl: () => import('./transport.pl').then((m) => m.transportPl), en: () => import('./transport.en').then((m) => m.transportEn) },
} satisfies Record<string, Record<Language, () => Promise<Entries>>>;

export type PackName = keyof typeof PACK_LOADERS;
export const PACK_NAMES = Object.keys(PACK_LOADERS) as PackName[];
