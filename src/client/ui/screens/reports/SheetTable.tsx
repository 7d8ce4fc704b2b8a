/**
 * The monthly sheet as a table: one row per person (name cell is the row header), a column per
 * day (closed days greyed with "–"), totals and the rate; a last row with the day totals. On
 * paper the header repeats on every page and no row is cut (print CSS in reports.css).
 */
import type { MonthlySheet } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { listName } from '../../view/people';

const LETTER = { present: 'reports.present', absent: 'reports.absent', excused: 'reports.excused' } as const;
const LONG = { present: 'reports.presentLong', absent: 'reports.absentLong', excused: 'reports.excusedLong' } as const;

export function SheetTable({ sheet, captionId }: { sheet: MonthlySheet; captionId: string }) {
  const t = useT();
  const f = useFormat();
  const closedTitle = (i: number) => {
    if (sheet.days[i]!.future) return t('reports.futureDay', { day: f.day(sheet.days[i]!.day) });
    const c = sheet.days[i]!.closed;
    if (!c) return undefined;
    return t('reports.closedDay', { reason: c.kind === 'holiday' ? c.name : c.kind === 'closedDay' ? c.reason : t(`weekday.long.${sheet.days[i]!.weekday}`) });
  };
  return (
    <div class="sheet-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table class="sheet">
        <thead>
          <tr>
            <th scope="col" class="sheet__name">{t('reports.person')}</th>
            {sheet.days.map((d, i) => (
              <th key={d.day} scope="col" class={`sheet__day${d.closed ? ' sheet__day--closed' : ''}${d.future ? ' sheet__day--future' : ''}`} title={closedTitle(i)}>
                <span>{Number(d.day.slice(8))}</span>
                <span class="sheet__weekday">{t(`weekday.short.${d.weekday}`)}</span>
              </th>
            ))}
            <th scope="col" title={t('reports.presentLong')}>{t('reports.present')}</th>
            <th scope="col" title={t('reports.absentLong')}>{t('reports.absent')}</th>
            <th scope="col" title={t('reports.excusedLong')}>{t('reports.excused')}</th>
            <th scope="col">{t('reports.dueDays')}</th>
            <th scope="col">{t('reports.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row) => (
            <tr key={row.participant.id}>
              <th scope="row" class="sheet__name">{listName(row.participant)}</th>
              {row.cells.map((c, i) => (
                <td key={sheet.days[i]!.day} class={`sheet__cell${sheet.days[i]!.closed ? ' sheet__cell--closed' : ''}${sheet.days[i]!.future ? ' sheet__cell--future' : ''}${c.status ? ` sheet__cell--${c.status}` : ''}`}
                  title={c.status ? t(LONG[c.status]) : undefined}>
                  {c.status ? t(LETTER[c.status]) : sheet.days[i]!.closed ? '–' : ''}
                </td>
              ))}
              <td class="sheet__num">{f.number(row.totals.present)}</td>
              <td class="sheet__num">{f.number(row.totals.absent)}</td>
              <td class="sheet__num">{f.number(row.totals.excused)}</td>
              <td class="sheet__num">{f.number(row.totals.expectedDays)}</td>
              <td class="sheet__num">{row.rate === null ? '–' : `${f.number(Math.round(row.rate * 1000) / 10)} %`}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" class="sheet__name">{t('reports.dayTotal')}</th>
            {sheet.dayTotals.map((d, i) => (
              <td key={sheet.days[i]!.day} class={`sheet__num${sheet.days[i]!.closed ? ' sheet__cell--closed' : ''}${sheet.days[i]!.future ? ' sheet__cell--future' : ''}`}>
                {sheet.days[i]!.future ? '' : sheet.days[i]!.closed && d.present === 0 ? '–' : f.number(d.present)}
              </td>
            ))}
            <td class="sheet__num">{f.number(sheet.totals.present)}</td>
            <td class="sheet__num">{f.number(sheet.totals.absent)}</td>
            <td class="sheet__num">{f.number(sheet.totals.excused)}</td>
            <td class="sheet__num">{f.number(sheet.totals.expectedDays)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
