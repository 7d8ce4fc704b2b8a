/**
 * The kitchen's day across all its units (issue 13): a row per unit with the lunches to order and
 * the order (how many, when it was sent, late or not sent after the cut-off), and one total.
 */
import { DIETS } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import type { KitchenDay, KitchenUnitRow } from '../../../state/meals';

export function KitchenDayCard({ day, kitchen }: { day: string; kitchen: KitchenDay }) {
  const t = useT();
  const f = useFormat();
  const diets = DIETS.filter((d) => kitchen.toOrder[d] > 0);
  return (
    <section class="card meals" aria-labelledby="kitchen-day">
      <h2 id="kitchen-day" class="card__title">{t('meals.kitchen.title', { date: f.day(day) })}</h2>
      {kitchen.overdue > 0 && <p class="callout callout--warning" role="status">{t('meals.kitchen.missing', { count: kitchen.overdue })}</p>}
      <table class="sheet report-table">
        <thead>
          <tr>
            <th scope="col" class="sheet__name">{t('meals.kitchen.unit')}</th>
            <th scope="col">{t('meals.kitchen.toOrder')}</th>
            <th scope="col">{t('meals.kitchen.order')}</th>
          </tr>
        </thead>
        <tbody>
          {kitchen.rows.map((r) => (
            <tr key={r.unitId}>
              <th scope="row" class="sheet__name">{r.name}</th>
              <td class="sheet__num">{f.number(r.total)}</td>
              <td class={isLate(r) ? 'report-table__alert' : undefined}><OrderCell row={r} /></td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" class="sheet__name">{t('meals.kitchen.total')}</th>
            <td class="sheet__num">{f.number(kitchen.total)}</td>
            <td>{f.number(kitchen.sentTotal)}</td>
          </tr>
        </tfoot>
      </table>
      {diets.length > 0 && (
        <>
          <h3 class="meals__diets-title">{t('meals.kitchen.byDiet')}</h3>
          <ul class="diet-list">
            {diets.map((d) => (
              <li key={d} class="diet-list__item"><span>{t(`diet.${d}`)}</span><span class="diet-list__count">{f.number(kitchen.toOrder[d])}</span></li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const isLate = (r: KitchenUnitRow) => (r.state.kind === 'sent' ? r.state.late : r.state.overdue);

function OrderCell({ row: r }: { row: KitchenUnitRow }) {
  const t = useT();
  const s = r.state;
  const text = s.kind === 'notSent' ? t('meals.kitchen.notSent')
    : s.sentAt === null ? t('meals.kitchen.sentNoTime', { count: r.sentTotal ?? 0 })
      : t('meals.kitchen.sentAt', { count: r.sentTotal ?? 0, time: s.sentAt });
  return <>{text}{isLate(r) && <strong> · {t('meals.kitchen.late')}</strong>}</>;
}
