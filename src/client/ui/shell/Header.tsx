/**
 * The app header: name, unit switcher, sync badge with "Synchronizuj teraz", the signed-in user,
 * and below them the storage, clock and update banners.
 */
import { useT } from '../../i18n';
import type { LocalSession } from '../../state';
import { Brand } from '../components/Brand';
import { Link } from '../Link';
import { ReauthBanner } from './ReauthBanner';
import { ClockBanner } from './ClockBanner';
import { StorageProblemBanner } from './StorageProblemBanner';
import { SyncBadge } from './SyncBadge';
import { SyncNowButton } from './SyncNowButton';
import { UnitSwitcher } from './UnitSwitcher';
import { UpdateBanner } from './UpdateBanner';

/** The banner landmark of the signed-in app. */
export function Header({ session }: { session: LocalSession }) {
  const t = useT();
  return (
    <header class="app-header">
      <div class="app-header__bar">
        <Link href="/" class="app-header__home">
          <Brand />
        </Link>
        <UnitSwitcher />
        <div class="app-header__sync">
          <SyncBadge />
          <SyncNowButton />
        </div>
        <p class="app-header__user">{t('header.user', { name: session.displayName })}</p>
      </div>
      <ReauthBanner />
      <StorageProblemBanner />
      <ClockBanner />
      <UpdateBanner />
    </header>
  );
}
