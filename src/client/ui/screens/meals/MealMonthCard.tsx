/**
 * The month's meals of the unit (coordinators, administrators): per participant for the fees
 * (ordered, served, absences reported in time, late, not reported), per diet, and per day ordered
 * vs served; printable (A4) and as CSV for Excel. Figures come from mealMonthSummary only.
 */
import { useState } from 'preact/hooks';
import { addMonths, DIETS, monthOf, type Unit } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { recordPrint } from '../../../state';
import { exportMealMonth, mealMonthRange, useMealMonth, type MealMonthSummary } from '../../../state/meals';
import { ExportStatus, useExport } from '../../components/ExportStatus';
import { Icon } from '../../components/Icon';
import { QueryStatus } from '../../components/QueryStatus';
import { listName } from '../../view/people';

function Tables({ s }: { s: MealMonthSummary }) {
  const t = useT();
  const f = useFormat();
  const n = (x: number) => f.number(x);
  const diets = DIETS.filter((d) => s.byDiet[d].people > 0);
  return (
    <>
      <h3 id="meal-people-title" class="card__subtitle">{t('meals.month.people')}</h3>
      <div class="sheet-scroll" role="region" aria-labelledby="meal-people-title" tabIndex={0}>
        <table class="sheet meal-sheet">
          <thead>
            <tr>
              <th scope="col" rowSpan={2} class="sheet__name">{t('meals.month.person')}</th>
              <th scope="col" rowSpan={2}>{t('meals.month.diet')}</th>
              <th scope="col" rowSpan={2}>{t('meals.month.ordered')}</th>
              <th scope="col" rowSpan={2}>{t('meals.month.served')}</th>
              <th scope="colgroup" colSpan={3}>{t('meals.month.absences')}</th>
            </tr>
            <tr>
              <th scope="col">{t('meals.month.inTime')}</th>
              <th scope="col">{t('meals.month.late')}</th>
              <th scope="col">{t('meals.month.noNotice')}</th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r) => (
              <tr key={r.participant.id}>
                <th scope="row" class="sheet__name">{listName(r.participant)}</th>
                <td>{t(`diet.${r.diet}`)}</td>
                <td class="sheet__num">{n(r.ordered)}</td>
                <td class="sheet__num">{n(r.served)}</td>
                <td class="sheet__num">{n(r.noticeInTime)}</td>
                <td class="sheet__num">{n(r.noticeLate)}</td>
                <td class="sheet__num">{n(r.absentNoNotice)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" class="sheet__name">{t('meals.month.total')}</th>
              <td />
              <td class="sheet__num">{n(s.totals.ordered)}</td>
              <td class="sheet__num">{n(s.totals.served)}</td>
              <td class="sheet__num">{n(s.totals.noticeInTime)}</td>
              <td class="sheet__num">{n(s.totals.noticeLate)}</td>
              <td class="sheet__num">{n(s.totals.absentNoNotice)}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <h3 id="meal-diet-title" class="card__subtitle">{t('meals.month.byDiet')}</h3>
      <div class="sheet-scroll" role="region" aria-labelledby="meal-diet-title" tabIndex={0}>
        <table class="sheet meal-sheet">
          <thead>
            <tr>
              <th scope="col" class="sheet__name">{t('meals.month.diet')}</th>
              <th scope="col">{t('meals.month.dietPeople')}</th>
              <th scope="col">{t('meals.month.ordered')}</th>
              <th scope="col">{t('meals.month.served')}</th>
            </tr>
          </thead>
          <tbody>
            {diets.map((d) => (
              <tr key={d}>
                <th scope="row" class="sheet__name">{t(`diet.${d}`)}</th>
                <td class="sheet__num">{n(s.byDiet[d].people)}</td>
                <td class="sheet__num">{n(s.byDiet[d].ordered)}</td>
                <td class="sheet__num">{n(s.byDiet[d].served)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 id="meal-day-title" class="card__subtitle">{t('meals.month.byDay')}</h3>
      <div class="sheet-scroll" role="region" aria-labelledby="meal-day-title" tabIndex={0}>
        <table class="sheet meal-sheet">
          <thead>
            <tr>
              <th scope="col" class="sheet__name">{t('meals.month.day')}</th>
              <th scope="col">{t('meals.month.ordered')}</th>
              <th scope="col">{t('meals.month.sent')}</th>
              <th scope="col">{t('meals.month.served')}</th>
            </tr>
          </thead>
          <tbody>
            {s.days.map((d) => (
              <tr key={d.day}>
                <th scope="row" class="sheet__name">{f.day(d.day)}</th>
                <td class="sheet__num">{n(d.ordered)}</td>
                <td class="sheet__num">{d.sent === null ? <span class="muted">{t('meals.month.notSent')}</span> : n(d.sent)}</td>
                <td class="sheet__num">{n(d.served)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" class="sheet__name">{t('meals.month.total')} ({t('meals.month.days', { count: s.days.length })})</th>
              <td class="sheet__num">{n(s.totals.ordered)}</td>
              <td class="sheet__num">{n(s.totals.sent)}</td>
              <td class="sheet__num">{n(s.totals.served)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p>{t('meals.month.summary', { ordered: s.totals.ordered, served: s.totals.served, late: s.totals.noticeLate, noNotice: s.totals.absentNoNotice })}</p>
      <div class="signature">
        <span>{t('meals.month.signatureDate')}: ……………………</span>
        <span>{t('meals.month.signature')}: ……………………………………</span>
      </div>
    </>
  );
}

export function MealMonthCard({ unit, today }: { unit: Unit; today: string }) {
  const t = useT();
  const f = useFormat();
  const [month, setMonth] = useState(() => monthOf(today));
  const summary = useMealMonth(unit.id, month, today);
  const label = f.month(month);
  const shift = (k: number) => setMonth(monthOf(addMonths(`${month}-01`, k)));
  const exp = useExport();
  const print = () => {
    if (summary.data) {
      const { from, to } = mealMonthRange(month);
      void recordPrint('mealMonth', unit.id, from, to, summary.data.rows.length);
    }
    window.print();
  };
  return (
    <section class="card meal-month" aria-labelledby="meal-month-title">
      <div class="report__head">
        <h2 id="meal-month-title" class="card__title">
          {t('meals.month.title')} · {unit.name} · {label}{summary.data?.asOf ? ` · ${t('common.asOf', { day: f.day(summary.data.asOf) })}` : ''}
        </h2>
        <div class="day-picker no-print" role="group" aria-label={t('meals.month.month')}>
          <button type="button" class="button button--secondary button--icon" aria-label={t('meals.month.prev')} onClick={() => shift(-1)}><Icon name="chevronLeft" /></button>
          <span class="report__month">{label}</span>
          <button type="button" class="button button--secondary button--icon" aria-label={t('meals.month.next')} onClick={() => shift(1)}><Icon name="chevronRight" /></button>
          <button type="button" class="button button--primary" onClick={print}>{t('meals.month.print')}</button>
          <button type="button" class="button button--secondary" disabled={!summary.data || exp.busy}
            onClick={() => { const data = summary.data; if (data) exp.run(() => exportMealMonth(unit.id, data, unit.name, (d) => t(`diet.${d}`)), `posilki-${month}.csv`); }}>
            {t('meals.month.csv')}
          </button>
        </div>
      </div>
      <ExportStatus state={exp} />
      <p class="muted">{t('meals.month.explain')}</p>
      <QueryStatus result={summary}>
        {(s) => (s.days.length === 0 ? <p class="callout">{t('meals.month.empty')}</p> : <Tables s={s} />)}
      </QueryStatus>
    </section>
  );
}
