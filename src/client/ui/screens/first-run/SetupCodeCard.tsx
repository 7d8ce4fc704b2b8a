/** "Kod konfiguracji": the one-time code the server printed at start, asked for before setup or the demo. */
import { useT } from '../../../i18n';
import { TextField } from '../../components/TextField';
import { fieldErrorKey } from '../../view/form-errors';
import { SETUP_CODE_INPUT, type SetupCodeInput } from './useSetupCode';

export function SetupCodeCard({ code }: { code: SetupCodeInput }) {
  const t = useT();
  return (
    <section class="card first-run__code" aria-labelledby="setup-code-title">
      <h2 id="setup-code-title" class="card__title">{t('firstRun.codeTitle')}</h2>
      <p>{t('firstRun.codeBody')}</p>
      <TextField id={SETUP_CODE_INPUT} label={t('firstRun.setupCode')} hint={t('firstRun.setupCodeHint')} value={code.value} onInput={code.set}
        autoComplete="off" required error={code.error ? t(fieldErrorKey(code.error)) : undefined} />
    </section>
  );
}
