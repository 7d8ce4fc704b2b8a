/**
 * Maps the current path to its screen. Today and Settings are in the initial bundle; every other
 * screen is a separate chunk loaded on first visit.
 */
import type { ComponentType } from 'preact';
import { useRoute } from '../router';
import { useLocalSession } from '../../state';
import { allowedSections, homeSection, sectionForPath, type SectionId } from '../sections';
import { NotFoundScreen } from '../screens/NotFoundScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { TodayScreen } from '../screens/TodayScreen';
import { LazyScreen, type ScreenLoader } from './LazyScreen';

const EAGER: Partial<Record<SectionId, ComponentType>> = {
  today: TodayScreen,
  settings: SettingsScreen,
};

const LAZY: Partial<Record<SectionId, ScreenLoader>> = {
  attendance: () => import('../screens/AttendanceScreen').then((m) => m.AttendanceScreen),
  plan: () => import('../screens/WeekPlanScreen').then((m) => m.WeekPlanScreen),
  participants: () => import('../screens/ParticipantsScreen').then((m) => m.ParticipantsScreen),
  transport: () => import('../screens/TransportScreen').then((m) => m.TransportScreen),
  meals: () => import('../screens/MealsScreen').then((m) => m.MealsScreen),
  reports: () => import('../screens/ReportsScreen').then((m) => m.ReportsScreen),
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
