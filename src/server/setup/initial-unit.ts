/**
 * The first unit made by the setup form: sensible settings for each kind of centre, so the
 * coordinator can start ticking attendance at once and adjust the details later.
 * WTZ: Mon–Fri, 7 hours of classes a day (Dz.U. 2021 poz. 2284 § 8); Senior+ and "Dzienny Dom
 * Aktywny Senior": at least 8 hours Mon–Fri with a hot meal; "Klub Aktywny Senior": no hour minimum; ŚDS: at least 6 hours on working days; a children's day room: afternoons.
 */
import type { Unit, UnitKind, Weekday } from '../../domain';

type UnitFields = Omit<Unit, 'id' | 'organizationId' | 'hlc' | 'changedBy' | 'deleted' | 'name'>;

interface KindDefaults { open: string; close: string; dailyHoursTarget: number; seats: number; servesMeals: boolean; runsTransport: boolean }

const DEFAULTS: Record<UnitKind, KindDefaults> = {
  wtz: { open: '08:00', close: '15:00', dailyHoursTarget: 7, seats: 30, servesMeals: true, runsTransport: true },
  seniorPlus: { open: '07:30', close: '15:30', dailyHoursTarget: 8, seats: 25, servesMeals: true, runsTransport: true },
  activeSeniorHome: { open: '07:30', close: '15:30', dailyHoursTarget: 8, seats: 25, servesMeals: true, runsTransport: true },
  activeSeniorClub: { open: '10:00', close: '14:00', dailyHoursTarget: 4, seats: 20, servesMeals: false, runsTransport: false },
  dayHome: { open: '08:00', close: '16:00', dailyHoursTarget: 7, seats: 30, servesMeals: true, runsTransport: false },
  selfHelpHome: { open: '08:00', close: '16:00', dailyHoursTarget: 6, seats: 30, servesMeals: true, runsTransport: true },
  childrenDayRoom: { open: '12:00', close: '18:00', dailyHoursTarget: 4, seats: 20, servesMeals: false, runsTransport: false },
  other: { open: '08:00', close: '16:00', dailyHoursTarget: 7, seats: 20, servesMeals: false, runsTransport: false },
};

const WORKING_DAYS: Weekday[] = [1, 2, 3, 4, 5];

/** The settings of a new unit of `kind` (everything but its id, name and sync fields). */
export function initialUnitFields(kind: UnitKind): UnitFields {
  const d = DEFAULTS[kind];
  return {
    kind,
    address: '',
    openingHours: WORKING_DAYS.map((weekday) => ({ weekday, open: d.open, close: d.close })),
    seats: d.seats,
    servesMeals: d.servesMeals,
    runsTransport: d.runsTransport,
    dailyHoursTarget: d.dailyHoursTarget,
    closedDays: [],
    absenceStreakAlertDays: 5,
    absenceLimitDays: null,
    mealCutoffTime: d.servesMeals ? '09:00' : null,
  };
}

/** Splits "Anna Maria Kowalska" into first names and the last name; one word is both halves' best guess. */
export function splitName(fullName: string): { firstName: string; lastName: string } {
  const words = fullName.trim().split(/\s+/);
  if (words.length < 2) return { firstName: words[0] ?? fullName, lastName: '—' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1]! };
}
