/**
 * Maps the current path to its screen. Today is in the initial bundle; every other screen
 * (Settings too: it is not needed for the first paint) is a separate chunk loaded on first visit.
 */
import type { ComponentType } from 'preact';
import { loadPacks, type PackName } from '../../i18n';
import { useRoute } from '../router';
import { useLocalSession } from '../../state';
import { allowedSections, homeSection, sectionForPath, type SectionId } from '../sections';
import { NotFoundScreen } from '../screens/NotFoundScreen';
import { TodayScreen } from '../screens/TodayScreen';
import { LazyScreen, type ScreenLoader } from './LazyScreen';

const EAGER: Partial<Record<SectionId, ComponentType>> = {
  today: TodayScreen,
};

/** A lazy screen and the message packs it speaks with, loaded together (in parallel). */
function lazy<M>(screen: Promise<M>, pick: (m: M) => ComponentType, ...packs: PackName[]): Promise<ComponentType> {
  return Promise.all([screen, loadPacks(...packs)]).then(([m]) => pick(m));
}

const LAZY: Partial<Record<SectionId, ScreenLoader>> = {
  attendance: () => lazy(import('../screens/attendance/AttendanceScreen'), (m) => m.AttendanceScreen, 'attendance'),
  plan: () => lazy(import('../screens/plan/WeekPlanScreen'), (m) => m.WeekPlanScreen, 'plan'),
  register: () => lazy(import('../screens/register/RegisterScreen'), (m) => m.RegisterScreen, 'register'),
  transport: () => lazy(import('../screens/transport/TransportScreen'), (m) => m.TransportScreen, 'transport'),
  meals: () => lazy(import('../screens/meals/MealsScreen'), (m) => m.MealsScreen, 'meals'),
  reports: () => lazy(import('../screens/reports/ReportsScreen'), (m) => m.ReportsScreen, 'reports'),
  settings: () => lazy(import('../screens/SettingsScreen'), (m) => m.SettingsScreen),
};

/** The screen of the current route. */
export function ScreenOutlet() {
  const { path } = useRoute();
  const roles = useLocalSession().data?.roles ?? [];
  const section = path === '/' ? homeSection(roles) : sectionForPath(path);
  if (!section || !allowedSections(roles).includes(section)) return <NotFoundScreen />;
  const Eager = EAGER[section.id];
  if (Eager) return <Eager />;
  const load = LAZY[section.id];
  return load ? <LazyScreen key={section.id} load={load} /> : <NotFoundScreen />;
}
