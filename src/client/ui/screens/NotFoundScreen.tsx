/** An unknown in-app path. */
import { useT } from '../../i18n';
import { ScreenHeader } from '../components/ScreenHeader';
import { Link } from '../Link';

/** "Nie ma takiej strony" with a way back. */
export function NotFoundScreen() {
  const t = useT();
  return (
    <div class="screen">
      <ScreenHeader title={t('nav.notFound.title')} />
      <p>{t('nav.notFound.body')}</p>
      <Link href="/" class="button button--primary">{t('nav.notFound.back')}</Link>
    </div>
  );
}
