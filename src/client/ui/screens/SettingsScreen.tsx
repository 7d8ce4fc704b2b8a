/** Ustawienia: language, sync, data on this device, the screen lock, app version, and the account with sign-out and wipe. */
import { useT } from '../../i18n';
import { AboutCard } from './settings/AboutCard';
import { useLocalSession } from '../../state';
import { AccountCard } from './settings/AccountCard';
import { AccountsCard } from './settings/AccountsCard';
import { LanguageSwitch } from './settings/LanguageSwitch';
import { LockCard } from './settings/LockCard';
import { StorageCard } from './settings/StorageCard';
import { SyncCard } from './settings/SyncCard';

/** The Settings screen. */
export function SettingsScreen() {
  const t = useT();
  const isAdmin = useLocalSession().data?.roles.includes('administrator') ?? false;
  return (
    <div class="screen settings">
      <div class="screen__header">
        <h1 class="screen__title">{t('settings.title')}</h1>
      </div>
      <div class="settings__grid">
        <LanguageSwitch />
        <SyncCard />
        <StorageCard />
        <LockCard />
        <AccountCard />
        {isAdmin && <AccountsCard />}
        <AboutCard />
      </div>
    </div>
  );
}
