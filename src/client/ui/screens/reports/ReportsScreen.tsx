/**
 * Raporty (issue 7): the monthly attendance sheet (print, CSV, XLSX), the funder report of a month,
 * quarter or year, a participant's year, and the attendance charts; administrators also see who
 * exported what. Every export and print is recorded in the server's audit history (queued on the
 * device while offline).
 */
import { useEffect, useState } from 'preact/hooks';
import { monthOf, type Unit } from '../../../../domain';
import { useT } from '../../../i18n';
import { useCurrentUnit, useLocalSession, useToday } from '../../../state';
import { flushPendingExports } from '../../../state/reports';
import { NoUnitNotice } from '../../components/NoUnitNotice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { AttendanceCharts } from './AttendanceCharts';
import { ExportLog } from './ExportLog';
import { FunderReport } from './FunderReport';
import { ParticipantSummary } from './ParticipantSummary';
import { SdsYearReport } from './SdsYearReport';
import { SheetView } from './SheetView';
import { WtzAnnualReport } from './WtzAnnualReport';

const VIEWS = ['sheet', 'funder', 'person', 'chart', 'sds', 'annual'] as const;
type View = (typeof VIEWS)[number];

/** The views of a kind of unit: a ŚDS adds its § 24 register and the MPiPS-05 figures, a WTZ its annual report. */
const KIND_VIEWS: Partial<Record<View, Unit['kind']>> = { sds: 'selfHelpHome', annual: 'wtz' };
const viewsOf = (kind: Unit['kind']): readonly View[] => VIEWS.filter((v) => (KIND_VIEWS[v] ?? kind) === kind);

export function ReportsScreen() {
  const t = useT();
  const today = useToday();
  const { unit, isLoading } = useCurrentUnit();
  const isAdmin = useLocalSession().data?.roles.includes('administrator') ?? false;
  const [view, setView] = useState<View>('sheet');
  const [month, setMonth] = useState(() => monthOf(today));
  useEffect(() => { void flushPendingExports(); }, []);

  return (
    <div class="screen screen--report">
      <ScreenHeader title={t('reports.title')} />
      {!unit ? (
        <NoUnitNotice loading={isLoading} />
      ) : (
        <>
          <div class="report-views no-print" role="group" aria-label={t('reports.views')}>
            {viewsOf(unit.kind).map((v) => (
              <button key={v} type="button" class={`segmented__option${view === v ? ' segmented__option--on' : ''}`} aria-pressed={view === v} onClick={() => setView(v)}>
                {t(`reports.view.${v}`)}
              </button>
            ))}
          </div>
          {view === 'sheet' && <SheetView unit={unit} month={month} onMonth={setMonth} />}
          {view === 'funder' && <FunderReport unit={unit} month={month} onMonth={setMonth} />}
          {view === 'person' && <ParticipantSummary unit={unit} month={month} onMonth={setMonth} />}
          {view === 'chart' && <AttendanceCharts unit={unit} month={month} onMonth={setMonth} />}
          {view === 'sds' && unit.kind === 'selfHelpHome' && <SdsYearReport unit={unit} month={month} onMonth={setMonth} />}
          {view === 'annual' && unit.kind === 'wtz' && <WtzAnnualReport unit={unit} month={month} onMonth={setMonth} />}
          {isAdmin && <ExportLog />}
        </>
      )}
    </div>
  );
}
