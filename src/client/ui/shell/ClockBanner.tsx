/**
 * "Zegar tabletu spieszy się o 3 dni": the device's clock differs from the server's by more than
 * two minutes (issue 13). The app already stamps and counts "today" with the corrected time; the
 * banner asks the user to fix the date and time in the device's settings.
 */
import { useT } from '../../i18n';
import { useClockWarning } from '../../state';

const AMOUNT_KEYS = { minutes: 'clock.minutes', hours: 'clock.hours', days: 'count.days' } as const;

/** The clock banner, or nothing while the clock is right. */
export function ClockBanner() {
  const t = useT();
  const warning = useClockWarning();
  if (!warning) return null;
  const amount = t(AMOUNT_KEYS[warning.unit], { count: warning.count });
  return (
    <div class="banner banner--error" role="status" data-testid="clock-banner">
      <p class="banner__text">{t(warning.direction === 'ahead' ? 'clock.ahead' : 'clock.behind', { amount })}</p>
    </div>
  );
}
