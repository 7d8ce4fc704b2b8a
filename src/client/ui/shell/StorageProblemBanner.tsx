/**
 * A fatal storage problem (no space, IndexedDB unavailable, the database upgraded by another tab)
 * as an alert; 'versionChanged' and a connection lost twice in a row offer a reload, the only way out.
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
      {(problem.code === 'versionChanged' || problem.code === 'connectionLost') && (
        <button type="button" class="button button--on-error" onClick={() => location.reload()}>
          {t(problem.code === 'connectionLost' ? 'app.restart' : 'app.reload')}
        </button>
      )}
    </div>
  );
}
