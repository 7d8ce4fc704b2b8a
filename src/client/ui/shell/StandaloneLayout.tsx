/** The frame of the pages shown before sign-in (first run, login, loading): a simple header and a centred main. */
import type { ComponentChildren } from 'preact';
import { useT } from '../../i18n';
import { Brand } from '../components/Brand';
import { StorageProblemBanner } from './StorageProblemBanner';

/** Header with the app name and storage alerts, then the page content in <main>. */
export function StandaloneLayout({ children }: { children: ComponentChildren }) {
  const t = useT();
  return (
    <div class="standalone">
      <a class="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header class="standalone__header">
        <div class="standalone__bar">
          <Brand />
          <span class="standalone__tagline">{t('app.tagline')}</span>
        </div>
        <StorageProblemBanner />
      </header>
      <main id="main" class="standalone__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
