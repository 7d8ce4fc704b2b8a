/** Polski / English as a radio group; the choice is remembered on the device. */
import { LANGUAGES, useLanguage, useT } from '../../../i18n';

/** The language card of Settings. Each language is named in itself, as users look for it. */
export function LanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <section class="card" aria-labelledby="settings-language">
      <h2 id="settings-language" class="card__title">{t('settings.language')}</h2>
      <fieldset class="choice-group">
        <legend class="visually-hidden">{t('settings.language')}</legend>
        {LANGUAGES.map((lang) => (
          <label key={lang} class="choice-group__option" lang={lang}>
            <input type="radio" name="language" value={lang} checked={language === lang} onChange={() => setLanguage(lang)} />
            <span>{t(`language.${lang}`)}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
