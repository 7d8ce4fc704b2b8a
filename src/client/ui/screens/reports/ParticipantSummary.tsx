/**
 * One participant's year: month by month present, absent and excused days, rate and hours
 * attended (from arrival and leave times, or the centre's planned hours), and absences by reason.
 * The figures are the participant's rows of the monthly sheets.
 */
import { useState } from 'preact/hooks';
import { type AbsenceReasonKey } from '../../../../domain';
import { ABSENCE_REASON_KEYS } from '../../../../domain/rules/reports';
import { useFormat, useT } from '../../../i18n';
import { recordPrint } from '../../../state';
import { usePeriodReport } from '../../../state/reports';
import { QueryStatus } from '../../components/QueryStatus';
import { SelectField } from '../../components/SelectField';
import { fullName, listName } from '../../view/people';
import { PeriodPicker } from './PeriodPicker';
import type { ReportViewProps } from './SheetView';

const hours = (minutes: number) => Math.round(minutes / 6) / 10;

export function ParticipantSummary({ unit, month, onMonth }: ReportViewProps) {
  const t = useT();
  const f = useFormat();
  const report = usePeriodReport(unit.id, { kind: 'year', month });
  const [personId, setPersonId] = useState('');
  const year = month.slice(0, 4);
  const reasonLabel = (k: AbsenceReasonKey) => (k === 'unspecified' ? t('reports.reason.unspecified') : t(`absenceReason.${k}`));

  return (
    <section class="card report" aria-labelledby="person-title">
      <QueryStatus result={report}>
        {(r) => {
          const person = r.people.find((p) => p.participant.id === personId) ?? null;
          return (
            <>
              <div class="report__head">
                <h2 id="person-title" class="card__title">
                  {person ? t('reports.personTitle', { name: fullName(person.participant), year }) : t('reports.personYear', { year })}
                  {r.asOf ? ` · ${t('common.asOf', { day: f.day(r.asOf) })}` : ''}
                </h2>
                <PeriodPicker period={{ kind: 'year', month }} onChange={(p) => onMonth(p.month)} kinds={['year']} />
                {person && (
                  <div class="report__actions no-print">
                    <button type="button" class="button button--primary"
                      onClick={() => { void recordPrint('participantSummary', unit.id, r.from, r.to, 1); window.print(); }}>
                      {t('reports.print')}
                    </button>
                  </div>
                )}
              </div>
              <div class="no-print">
                <SelectField id="report-person" label={t('reports.personPick')} value={personId} placeholder={t('reports.personNone')}
                  options={r.people.map((p) => ({ value: p.participant.id, label: listName(p.participant) }))} onChange={setPersonId} />
              </div>
              {person && (
                <>
                  <table class="sheet report-table report-table--narrow">
                    <caption class="report__subtitle">{t('reports.personYear', { year })}</caption>
                    <thead>
                      <tr>
                        <th scope="col" class="sheet__name">{t('reports.monthCol')}</th>
                        <th scope="col">{t('reports.presentLong')}</th>
                        <th scope="col">{t('reports.absentLong')}</th>
                        <th scope="col">{t('reports.excusedLong')}</th>
                        <th scope="col">{t('reports.dueDays')}</th>
                        <th scope="col">{t('reports.rate')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {person.months.map((m) => (
                        <tr key={m.month}>
                          <th scope="row" class="sheet__name">{f.month(m.month)}</th>
                          <td class="sheet__num">{f.number(m.totals.present)}</td>
                          <td class="sheet__num">{f.number(m.totals.absent)}</td>
                          <td class="sheet__num">{f.number(m.totals.excused)}</td>
                          <td class="sheet__num">{f.number(m.totals.expectedDays)}</td>
                          <td class="sheet__num">{m.rate === null ? '–' : `${f.number(Math.round(m.rate * 1000) / 10)} %`}</td>
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row" class="sheet__name">{year}</th>
                        <td class="sheet__num">{f.number(person.totals.present)}</td>
                        <td class="sheet__num">{f.number(person.totals.absent)}</td>
                        <td class="sheet__num">{f.number(person.totals.excused)}</td>
                        <td class="sheet__num">{f.number(person.totals.expectedDays)}</td>
                        <td class="sheet__num">{person.rate === null ? '–' : `${f.number(Math.round(person.rate * 1000) / 10)} %`}</td>
                      </tr>
                    </tfoot>
                  </table>
                  <dl class="report-figures">
                    <div class="report-figures__item"><dt>{t('reports.hoursTotal')}</dt><dd>{f.number(hours(person.minutes))}</dd></div>
                    <div class="report-figures__item"><dt>{t('reports.longestAbsence')}</dt><dd>{f.number(person.longestAbsence)}</dd></div>
                  </dl>
                  <p class="muted">{t('reports.hoursFromTimes', { days: t('count.days', { count: person.daysWithTimes }) })}</p>
                  {person.totals.absent + person.totals.excused === 0 ? <p>{t('reports.noAbsences')}</p> : (
                    <table class="sheet report-table report-table--narrow">
                      <caption class="report__subtitle">{t('reports.absenceReasons')}</caption>
                      <thead><tr><th scope="col" class="sheet__name">{t('reports.reason')}</th><th scope="col">{t('reports.count')}</th></tr></thead>
                      <tbody>
                        {ABSENCE_REASON_KEYS.filter((k) => person.absencesByReason[k] > 0).map((k) => (
                          <tr key={k}><th scope="row" class="sheet__name">{reasonLabel(k)}</th><td class="sheet__num">{f.number(person.absencesByReason[k])}</td></tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </>
              )}
            </>
          );
        }}
      </QueryStatus>
    </section>
  );
}
