/** The app's name with its logo, as shown in the header and on the first-run and login pages. */
import { useT } from '../../i18n';

/** Logo (decorative) and "Obecni". */
export function Brand() {
  const t = useT();
  return (
    <span class="brand">
      <img class="brand__logo" src="/icons/icon.svg" alt="" width="32" height="32" />
      <span class="brand__name">{t('app.name')}</span>
    </span>
  );
}
