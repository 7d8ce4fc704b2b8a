/**
 * The words of one Today reminder: whose it is and what is due, with the Polish plural of days
 * and years. Pure, so the wording is tested without rendering.
 */
import type { Formatters, Translate } from '../../i18n';
import type { Reminder } from '../../state';
import { fullName } from './people';

/** A reminder ready to print. `icon` is decorative (hidden from screen readers). */
export interface ReminderText {
  name: string;
  text: string;
  icon: 'cake' | null;
  urgent: boolean;
}

/** Names the person and says what is due. */
export function reminderText(reminder: Reminder, t: Translate, f: Pick<Formatters, 'day'>): ReminderText {
  const name = fullName(reminder.participant);
  switch (reminder.kind) {
    case 'certificateExpiring':
      return {
        name,
        text: t(reminder.expired ? 'reminder.certificateExpired' : 'reminder.certificateExpiring', { date: f.day(reminder.validUntil) }),
        icon: null,
        urgent: reminder.expired,
      };
    case 'rehabReviewDue':
      return { name, text: t('reminder.rehabReviewDue', { date: f.day(reminder.reviewDate) }), icon: null, urgent: false };
    case 'longAbsence':
      return { name, text: t('reminder.longAbsence', { days: t('count.workingDays', { count: reminder.workingDays }) }), icon: null, urgent: true };
    case 'absenceLimit':
      return { name, text: t('reminder.absenceLimit', { days: t('count.workingDays', { count: reminder.workingDays }), limit: reminder.limit }), icon: null, urgent: true };
    case 'birthday':
      return { name, text: t('reminder.birthday', { age: t('count.years', { count: reminder.age }) }), icon: 'cake', urgent: false };
  }
}
