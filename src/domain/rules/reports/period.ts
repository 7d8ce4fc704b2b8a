/**
 * Report periods: a month, a quarter or a year, as the list of `yyyy-MM` months it spans. Every
 * period report is the sum of the monthly sheets of these months, so a figure in a quarter or
 * year report can always be traced back to the signed monthly sheets.
 */
import { daysOfMonth } from '../../calendar';
import type { Day } from '../../primitives';

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period named by its kind and one month inside it (the month the user is looking at). */
export interface ReportPeriod { kind: PeriodKind; month: string }

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The months of the period containing `period.month`, in order. */
export function periodMonths(period: ReportPeriod): string[] {
  const year = period.month.slice(0, 4);
  const m = Number(period.month.slice(5, 7));
  if (period.kind === 'month') return [period.month];
  if (period.kind === 'quarter') {
    const first = Math.floor((m - 1) / 3) * 3 + 1;
    return [first, first + 1, first + 2].map((n) => `${year}-${pad2(n)}`);
  }
  return Array.from({ length: 12 }, (_, i) => `${year}-${pad2(i + 1)}`);
}

/** The first and last day of the period. */
export function periodRange(period: ReportPeriod): { from: Day; to: Day } {
  const months = periodMonths(period);
  const last = daysOfMonth(months[months.length - 1]!);
  return { from: `${months[0]!}-01`, to: last[last.length - 1]! };
}

/** The quarter (1–4) of a `yyyy-MM` month. */
export function quarterOf(month: string): number {
  return Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;
}
