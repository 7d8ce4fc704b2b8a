/**
 * The signed-in app: skip link, header, main menu and the current screen. On every route change
 * the focus moves to the main region and the document title names the section, so keyboard and
 * screen-reader users land on the new content.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../i18n';
import type { LocalSession } from '../../state';
import { useRoute } from '../router';
import { homeSection, sectionForPath } from '../sections';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { ScreenOutlet } from './ScreenOutlet';

/** The layout of the signed-in app. */
export function Shell({ session }: { session: LocalSession }) {
  const t = useT();
  const { path } = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const lastPath = useRef(path);
  const section = path === '/' ? homeSection(session.roles) : sectionForPath(path);
  const title = t('app.documentTitle', { section: t(section?.label ?? 'nav.notFound.title') });
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => {
    if (path !== lastPath.current) {
      lastPath.current = path;
      mainRef.current?.focus();
    }
  }, [path]);
  return (
    <div class="app-shell">
      <a class="skip-link" href="#main">{t('app.skipToContent')}</a>
      <Header session={session} />
      <Navigation />
      <main id="main" class="app-main" tabIndex={-1} ref={mainRef}>
        <ScreenOutlet />
      </main>
    </div>
  );
}
