/** "Załaduj centrum demonstracyjne": loads the demo data, signs in as the demo admin, shows progress and errors. */
import { useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { loadDemoCentre, type AppError } from '../../../state';
import { errorKey } from '../../error-message';
import type { SetupCodeInput } from './useSetupCode';

/** The demo password, printed for whoever tries the demo (it is public by design). */
export const DEMO_PASSWORD = 'obecni-demo-2026';

/** The demo choice; when the server has the demo disabled, says so instead. */
export function DemoCard({ available, code }: { available: boolean; code: SetupCodeInput }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const load = async () => {
    setError(null);
    const setupCode = code.take();
    if (setupCode === null) return;
    setBusy(true);
    const result = await loadDemoCentre(setupCode);
    if (!result.ok) {
      if (!code.refused(result.error)) setError(result.error);
      setBusy(false);
    }
  };
  return (
    <section class="card choice" aria-labelledby="demo-title">
      <h2 id="demo-title" class="card__title">{t('firstRun.demoTitle')}</h2>
      <p>{t('firstRun.demoBody')}</p>
      {available ? (
        <>
          <p class="muted">{t('firstRun.demoLogins')}</p>
          <p>
            {t('firstRun.demoPassword')} <code class="demo-password">{DEMO_PASSWORD}</code>
          </p>
          <button type="button" class="button button--secondary button--wide" disabled={busy} onClick={() => void load()}>
            {t('firstRun.demoButton')}
          </button>
          <p class="progress-line" role="status">{busy ? t('firstRun.demoLoading') : ''}</p>
          {error && <p class="callout callout--error" role="alert">{t(errorKey(error))}</p>}
        </>
      ) : (
        <p class="callout">{t('firstRun.demoUnavailable')}</p>
      )}
    </section>
  );
}
