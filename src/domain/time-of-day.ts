/**
 * Times of day as 'HH:mm' strings (arrival, leave, class start): reading one off an instant in a
 * time zone, and minutes for arithmetic. Like days, they never pass through a local Date.
 */
import type { Time } from './primitives';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time at instant `epochMs` in `timeZone`, as 'HH:mm'. */
export function timeInTimeZone(epochMs: number, timeZone = 'Europe/Warsaw'): Time {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, fmt);
  }
  const parts = fmt.formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour').padStart(2, '0')}:${get('minute').padStart(2, '0')}`;
}

/** Minutes since midnight of 'HH:mm'. */
export function minutesOf(time: Time): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
