/**
 * The funder's part of a senior home's or club's report (issue 19, point 4): the programme of the
 * period's year (Senior+ until 2025, "Aktywni Seniorzy – ASY" from 2026), places × months and the
 * resulting module-2 grant, as `seniorFundingOfReport` computes it.
 */
import type { PeriodReport } from '../../../../domain';
import { seniorFundingOfReport } from '../../../../domain/rules/kinds/senior';
import { useFormat, useT } from '../../../i18n';
import { FigureList } from './FigureList';

export function SeniorFunding({ report }: { report: PeriodReport }) {
  const t = useT();
  const f = useFormat();
  const funding = seniorFundingOfReport(report);
  if (!funding) return null;
  const zl = (n: number) => t('reports.funding.zl', { amount: f.number(n) });
  const rows: [string, string][] = [
    [t('reports.funding.places'), f.number(funding.places)],
    [t('reports.funding.months'), f.number(funding.months)],
    [t('reports.funding.placeMonths'), f.number(funding.places * funding.months)],
  ];
  if (funding.ratePerPlace !== null && funding.grant !== null) {
    rows.push([t('reports.funding.rate'), zl(funding.ratePerPlace)], [t('reports.funding.grant'), zl(funding.grant)]);
  }
  return (
    <section aria-labelledby="senior-funding">
      <h3 id="senior-funding" class="report__subtitle">{t('reports.funding.title', { year: String(funding.year) })}</h3>
      <p>{t(`reports.funding.programme.${funding.programme}`)}</p>
      <FigureList rows={rows} />
      {funding.grant === null && <p class="muted">{t('reports.funding.noRate')}</p>}
    </section>
  );
}
