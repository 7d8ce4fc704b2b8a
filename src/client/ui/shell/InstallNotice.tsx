/**
 * "Dodaj Obecni do ekranu początkowego" (issue 17.1): on Safari and on iPhone and iPad, before and
 * after sign-in, why (the browser deletes the data of a site unused for 7 days) and how. Shown as a
 * callout on the sign-in page and a banner in the app; "Rozumiem" hides it until the next start.
 */
import { useT } from '../../i18n';
import { dismissInstallNotice, useInstallNotice } from '../../state';

export function InstallNotice({ look }: { look: 'banner' | 'callout' }) {
  const t = useT();
  if (!useInstallNotice()) return null;
  return (
    <section class={look === 'banner' ? 'banner banner--warning' : 'callout callout--warning'} aria-labelledby={`install-${look}`}>
      <div class={look === 'banner' ? 'banner__text' : undefined}>
        <h2 id={`install-${look}`} class="banner__title">{t('install.title')}</h2>
        <p>{t('install.why')}</p>
        <p>{t('install.how')}</p>
      </div>
      <button type="button" class="button button--secondary" onClick={dismissInstallNotice}>{t('install.dismiss')}</button>
    </section>
  );
}
