/**
 * One day for the kitchen: lunches to order by diet, the order once sent and what changed since
 * (flagged after the cut-off), lunches served, and the allergies of everyone eating.
 */
import { useState } from 'preact/hooks';
import { DIETS, type Diet } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { currentTime, type ActionResult } from '../../../state';
import { sendMealOrder, type MealsDay } from '../../../state/meals';
import { errorKey } from '../../error-message';
import { fullName } from '../../view/people';

export interface MealsDayCardProps { unitId: string; meals: MealsDay; today: string; cutoffTime: string | null; canSend: boolean }

export function MealsDayCard({ unitId, meals, today, cutoffTime, canSend }: MealsDayCardProps) {
  const t = useT();
  const f = useFormat();
  const [result, setResult] = useState<ActionResult | null>(null);
  const changed = (Object.keys(meals.changes) as Diet[]);
  const afterCutoff = cutoffTime !== null && (meals.day < today || (meals.day === today && currentTime() > cutoffTime));
  const diets = DIETS.filter((d) => meals.toOrder[d] > 0 || (meals.sent?.counts[d] ?? 0) > 0);
  const sentTotal = meals.sent ? DIETS.reduce((a, d) => a + (meals.sent?.counts[d] ?? 0), 0) : 0;
  return (
    <section class="card meals" aria-labelledby="meals-day">
      <h2 id="meals-day" class="card__title">{t('meals.forDay', { date: f.day(meals.day) })}</h2>
      <p class="big-number">{t('count.meals', { count: meals.total })}</p>
      <p class="muted">{t('meals.explain')}</p>
      {diets.length > 0 && (
        <>
          <h3 class="meals__diets-title">{t('meals.byDiet')}</h3>
          <ul class="diet-list">
            {diets.map((d) => (
              <li key={d} class="diet-list__item">
                <span>{t(`diet.${d}`)}</span>
                <span class="diet-list__count">{f.number(meals.toOrder[d])}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <OrderLine meals={meals} sentTotal={sentTotal} cutoffTime={cutoffTime} />
      {changed.length > 0 && (
        <div class={afterCutoff ? 'callout callout--warning' : 'callout'} role="status">
          {afterCutoff && cutoffTime && <p>{t('meals.lateChange', { time: cutoffTime })}</p>}
          <ul class="plain-list">
            {changed.map((d) => {
              const delta = meals.changes[d] ?? 0;
              return <li key={d}>{t('meals.change', { diet: t(`diet.${d}`), delta: delta > 0 ? `+${delta}` : String(delta) })}</li>;
            })}
          </ul>
        </div>
      )}
      {canSend && (!meals.sent || changed.length > 0) && (
        <button type="button" class="button button--primary" onClick={() => void sendMealOrder(unitId, meals.day, meals.toOrder).then(setResult)}>
          {meals.sent ? t('meals.resend') : t('meals.send')}
        </button>
      )}
      {result && (result.ok ? <p role="status">{t('meals.sentDone')}</p> : <p class="callout callout--error" role="alert">{t(errorKey(result.error))}</p>)}
      {cutoffTime && <p class="meals__cutoff">{t('meals.cutoff', { time: cutoffTime })}</p>}
      {meals.day <= today && <p>{t('meals.served', { count: meals.servedTotal })}</p>}
      {meals.allergies.length > 0 && (
        <>
          <h3 class="meals__diets-title">{t('meals.allergies')}</h3>
          <ul class="plain-list">
            {meals.allergies.map((p) => <li key={p.id} class="plain-list__item">{t('meals.allergy', { name: fullName(p), allergies: p.allergies })}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}

/** The order's line: when it was sent (issue 13), or that it was not; flagged when late or missing after the cut-off. */
function OrderLine({ meals, sentTotal, cutoffTime }: { meals: MealsDay; sentTotal: number; cutoffTime: string | null }) {
  const t = useT();
  const f = useFormat();
  const s = meals.state;
  if (s.kind === 'notSent') {
    return s.overdue && cutoffTime
      ? <p class="callout callout--warning" role="status">{t('meals.notSentLate', { time: cutoffTime })}</p>
      : <p>{t('meals.notSent')}</p>;
  }
  const line = s.sentAt === null || s.sentOn === null ? t('meals.sent', { count: sentTotal })
    : s.sentOn === meals.day ? t('meals.sentAt', { time: s.sentAt, count: sentTotal })
      : t('meals.sentOnAt', { date: f.day(s.sentOn), time: s.sentAt, count: sentTotal });
  return (
    <>
      <p>{line}</p>
      {s.late && cutoffTime && <p class="callout callout--warning" role="status">{t('meals.sentLate', { time: cutoffTime })}</p>}
    </>
  );
}
