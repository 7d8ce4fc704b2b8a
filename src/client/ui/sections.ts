/**
 * The app's sections, their Polish paths and labels. Today, Settings, first-run and login are in
 * the initial bundle; the other screens are loaded when first opened (see shell/ScreenOutlet.tsx).
 */
import type { TextKey } from '../i18n';

export type SectionId = 'today' | 'attendance' | 'plan' | 'register' | 'transport' | 'meals' | 'reports' | 'settings';

/** One entry of the main menu. `primary` sections stay in the phone's bottom bar; the rest go under "Więcej". */
export interface Section {
  id: SectionId;
  path: string;
  label: TextKey;
  primary: boolean;
  /** The section also owns the paths under its own (the register's `/uczestnicy/nowy`, `/uczestnicy/<id>`). */
  nested?: boolean;
}

export const SECTIONS: readonly Section[] = [
  { id: 'today', path: '/', label: 'nav.today', primary: true },
  { id: 'attendance', path: '/obecnosc', label: 'nav.attendance', primary: true },
  { id: 'plan', path: '/plan', label: 'nav.plan', primary: true },
  { id: 'register', path: '/uczestnicy', label: 'nav.participants', primary: true, nested: true },
  { id: 'transport', path: '/transport', label: 'nav.transport', primary: false },
  { id: 'meals', path: '/posilki', label: 'nav.meals', primary: false },
  { id: 'reports', path: '/raporty', label: 'nav.reports', primary: false },
  { id: 'settings', path: '/ustawienia', label: 'nav.settings', primary: false },
];

/** The section at a (normalized) path (or under a nested section's path), or undefined for an unknown path. */
export function sectionForPath(path: string): Section | undefined {
  return SECTIONS.find((s) => s.path === path || (s.nested === true && path.startsWith(`${s.path}/`)));
}

/** Roles that work with the whole unit (every section). */
const FULL_ROLES = ['administrator', 'coordinator', 'therapist'];

/**
 * The sections a user's roles open. A driver sees Transport, the kitchen Posiłki (plus Settings):
 * their devices hold only that data (the server sends nothing else), so nothing else is offered.
 */
export function allowedSections(roles: readonly string[]): readonly Section[] {
  if (roles.some((r) => FULL_ROLES.includes(r))) return SECTIONS;
  const ids = new Set<SectionId>(['settings']);
  if (roles.includes('driver')) ids.add('transport');
  if (roles.includes('kitchen')) ids.add('meals');
  return SECTIONS.filter((s) => ids.has(s.id));
}

/** The section "/" opens for these roles: Today, or the first section they may use. */
export function homeSection(roles: readonly string[]): Section {
  const allowed = allowedSections(roles);
  return allowed.find((s) => s.id === 'today') ?? allowed[0] ?? SECTIONS[0]!;
}
