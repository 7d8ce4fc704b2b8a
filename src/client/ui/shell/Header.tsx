/**
 * The app header: name, unit switcher, sync badge with "Synchronizuj teraz", the signed-in user,
 * and below them the storage, clock and update banners.
 */
import { useT } from '../../i18n';
import { useStorageInfo, type LocalSession } from '../../state';
import { Brand } from '../components/Brand';
import { Link } from '../Link';
import { InstallNotice } from './InstallNotice';
import { ReauthBanner } from './ReauthBanner';
import { ClockBanner } from './ClockBanner';
import { StorageProblemBanner } from './StorageProblemBanner';
import { StorageWarning } from './StorageWarning';
import { SyncBadge } from './SyncBadge';
import { SyncNowButton } from './SyncNowButton';
import { UnitSwitcher } from './UnitSwitcher';
import { UpdateBanner } from './UpdateBanner';

/** The banner landmark of the signed-in app. */
export function Header({ session }: { session: LocalSession }) {
  const t = useT();
  const persisted = useStorageInfo().data?.persisted;
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
        <p class="app-header__user">
          <span>{t('header.user', { name: session.displayName })}</span>
          {persisted !== null && persisted !== undefined && <span class="app-header__storage"> · {t(persisted ? 'storage.kept' : 'storage.notKept.short')}</span>}
        </p>
      </div>
      <ReauthBanner />
      <InstallNotice look="banner" />
      <StorageProblemBanner />
      <StorageWarning look="banner" />
      <ClockBanner />
      <UpdateBanner />
    </header>
  );
}
