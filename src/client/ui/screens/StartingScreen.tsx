/** What shows while the app opens its local data, or why it cannot start (with a retry). */
import { useT, type TextKey } from '../../i18n';
import { StandaloneLayout } from '../shell/StandaloneLayout';

/** A loading page, or an error page when `problem` is given. */
export function StartingScreen({ problem }: { problem?: TextKey }) {
  const t = useT();
  if (!problem) {
    return (
      <StandaloneLayout>
        <h1 class="visually-hidden">{t('app.name')}</h1>
        <p class="loading" role="status">{t('app.loading')}</p>
      </StandaloneLayout>
    );
  }
  return (
    <StandaloneLayout>
      <h1>{t('app.name')}</h1>
      <p class="callout callout--error" role="alert">{t(problem)}</p>
      <button type="button" class="button button--primary" onClick={() => location.reload()}>
        {t('app.retry')}
      </button>
    </StandaloneLayout>
  );
}
