/** The app and protocol version, which support asks for first. */
import { PROTOCOL_VERSION } from '../../../../protocol';
import { useT } from '../../../i18n';
import { version } from '../../../../../package.json';

/** The "O aplikacji" card. */
export function AboutCard() {
  const t = useT();
  return (
    <section class="card" aria-labelledby="settings-about">
      <h2 id="settings-about" class="card__title">{t('settings.about')}</h2>
      <p>{t('settings.version', { version, protocol: String(PROTOCOL_VERSION) })}</p>
    </section>
  );
}
