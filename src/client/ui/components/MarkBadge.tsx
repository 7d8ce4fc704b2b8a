/** The attendance badge of one person: present, absent, excused, absence reported or not marked. */
import { useT } from '../../i18n';
import type { RowStatus } from '../view/attendance-rows';

const KEYS = {
  present: 'mark.present',
  absent: 'mark.absent',
  excused: 'mark.excused',
  noticed: 'mark.noticed',
  none: 'mark.none',
} as const;

/** Colour plus words (never colour alone), readable by screen readers as plain text. */
export function MarkBadge({ status }: { status: RowStatus }) {
  const t = useT();
  return <span class={`badge badge--${status}`}>{t(KEYS[status])}</span>;
}
