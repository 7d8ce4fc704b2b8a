/**
 * The warning about a wrong device clock (issue 13): when the device's clock differs from the
 * server's by more than CLOCK_WARNING_MS, the header tells the user by how much and which way,
 * in the largest whole unit (days, else hours, else minutes). The offset comes from the sync
 * engine (runtime.clockOffsetMs); stamps and "today" already use the corrected time.
 */
import { CLOCK_WARNING_MS } from '../../domain';
import { runtime } from './runtime';

/** Which way the device's clock is off, and by how much (a whole number of `unit`). */
export interface ClockWarning {
  /** `ahead`: the device's clock is fast ("spieszy się"); `behind`: slow ("późni się"). */
  direction: 'ahead' | 'behind';
  unit: 'minutes' | 'hours' | 'days';
  count: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The warning for an offset (the server's clock minus the device's), or null within CLOCK_WARNING_MS. */
export function clockWarning(offsetMs: number | null): ClockWarning | null {
  if (offsetMs === null || Math.abs(offsetMs) <= CLOCK_WARNING_MS) return null;
  const direction = offsetMs < 0 ? 'ahead' : 'behind';
  const size = Math.abs(offsetMs);
  if (size >= DAY) return { direction, unit: 'days', count: Math.round(size / DAY) };
  if (size >= HOUR) return { direction, unit: 'hours', count: Math.round(size / HOUR) };
  return { direction, unit: 'minutes', count: Math.round(size / MINUTE) };
}

/** The clock warning the header shows, or null when the device's clock is right (or not known yet). */
export function useClockWarning(): ClockWarning | null {
  return clockWarning(runtime.clockOffsetMs.value);
}
