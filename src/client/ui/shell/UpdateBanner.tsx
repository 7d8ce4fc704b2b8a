/**
 * "Dostępna jest nowa wersja": shown when a new service worker waits. It never reloads by itself,
 * and while a form holds unsaved input the button is disabled and the banner says to save first.
 */
import { useT } from '../../i18n';
import { applyUpdate, useHasUnsavedWork, useUpdateAvailable } from '../../state';

/** The update prompt, or nothing when the app is current. */
export function UpdateBanner() {
  const t = useT();
  const available = useUpdateAvailable();
  const unsaved = useHasUnsavedWork();
  if (!available) return null;
  return (
    <div class="banner banner--info" role="status">
      <p class="banner__text">
        <strong>{t('update.available')}</strong>
        {unsaved && <> {t('update.saveFirst')}</>}
      </p>
      <button type="button" class="button button--on-info" disabled={unsaved} onClick={() => !unsaved && void applyUpdate()}>
        {t('update.apply')}
      </button>
    </div>
  );
}
