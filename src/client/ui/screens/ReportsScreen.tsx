/** Raporty: what this section holds (monthly attendance sheets and funders' summaries). */
import { useT } from '../../i18n';
import { ScreenHeader } from '../components/ScreenHeader';

/** The Reports screen. */
export function ReportsScreen() {
  const t = useT();
  return (
    <div class="screen">
      <ScreenHeader title={t('reports.title')} />
      <p class="callout">{t('reports.body')}</p>
    </div>
  );
}
