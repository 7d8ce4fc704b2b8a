/** Shown by unit-scoped screens while there is no current unit: still loading, or no access to any. */
import { useT } from '../../i18n';

/** A loading line, or the "no unit" explanation. */
export function NoUnitNotice({ loading }: { loading: boolean }) {
  const t = useT();
  if (loading) return <p class="loading" role="status">{t('common.loading')}</p>;
  return <p class="callout">{t('common.noUnit')}</p>;
}
