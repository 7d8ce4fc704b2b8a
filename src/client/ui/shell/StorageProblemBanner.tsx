/**
 * A fatal storage problem (no space, IndexedDB unavailable, the database upgraded by another tab)
 * as an alert; 'versionChanged' offers a reload, which is the only way out of it.
 */
import { useT } from '../../i18n';
import { useStorageProblem } from '../../state';
import { errorKey } from '../error-message';

/** The storage alert, or nothing when storage is fine. */
export function StorageProblemBanner() {
  const t = useT();
  const problem = useStorageProblem();
  if (!problem) return null;
  return (
    <div class="banner banner--error" role="alert">
      <p class="banner__text">
        <strong>{t('storage.problemTitle')}.</strong> {t(errorKey(problem))}
      </p>
      {problem.code === 'versionChanged' && (
        <button type="button" class="button button--on-error" onClick={() => location.reload()}>
          {t('app.reload')}
        </button>
      )}
    </div>
  );
}
