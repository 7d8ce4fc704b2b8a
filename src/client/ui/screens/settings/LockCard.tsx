/** The screen lock of a shared tablet: set or change the PIN, choose the idle time, lock now. */
import { useState } from 'preact/hooks';
import { useT, type TextKey } from '../../../i18n';
import { LOCK_MINUTES_CHOICES, WIPE_AFTER_CHOICES, isValidPin, lockNow, setLockMinutes, setPin, setWipeAfter, useLock } from '../../../state';
import { FormField } from '../../components/FormField';
import { SelectField } from '../../components/SelectField';

export function LockCard() {
  const t = useT();
  const lock = useLock();
  const [pin, setPinValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ pin?: TextKey; repeat?: TextKey }>({});
  const [saved, setSaved] = useState(false);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const found: { pin?: TextKey; repeat?: TextKey } = {};
    if (!isValidPin(pin)) found.pin = 'form.error.invalidPin';
    else if (pin !== repeat) found.repeat = 'form.error.pinMismatch';
    setErrors(found);
    if (found.pin || found.repeat) return;
    const result = await setPin(pin);
    if (result.ok) {
      setPinValue('');
      setRepeat('');
      setSaved(true);
    }
  };
  const pinInput = (id: string, value: string, onInput: (v: string) => void) => (aria: object) => (
    <input {...aria} id={id} class="input input--pin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={8}
      value={value} onInput={(e) => onInput(e.currentTarget.value.replace(/\D/g, ''))} />
  );

  return (
    <section class="card" aria-labelledby="settings-lock">
      <h2 id="settings-lock" class="card__title">{t('settings.lock')}</h2>
      <p class="muted">{t('settings.lockBody')}</p>
      <p>{t(lock.hasPin ? 'settings.lockHasPin' : 'settings.lockNoPin')}</p>
      <form class="form" noValidate onSubmit={(e) => void save(e)}>
        <FormField id="pin-new" label={t('settings.pinNew')} error={errors.pin ? t(errors.pin) : undefined}>
          {pinInput('pin-new', pin, setPinValue)}
        </FormField>
        <FormField id="pin-repeat" label={t('settings.pinRepeat')} error={errors.repeat ? t(errors.repeat) : undefined}>
          {pinInput('pin-repeat', repeat, setRepeat)}
        </FormField>
        <button type="submit" class="button button--secondary">{t('settings.pinSave')}</button>
        <p role="status" class="muted">{saved ? t('settings.pinSaved') : ''}</p>
      </form>
      {lock.hasPin && (
        <>
          <SelectField id="lock-minutes" label={t('settings.lockAfter')} value={String(lock.minutes)} onChange={(v) => void setLockMinutes(Number(v))}
            options={LOCK_MINUTES_CHOICES.map((m) => ({ value: String(m), label: t('settings.lockMinutes', { count: m }) }))} />
          <SelectField id="lock-wipe-after" label={t('settings.wipeAfter')} value={String(lock.wipeAfter)} onChange={(v) => void setWipeAfter(Number(v))}
            options={WIPE_AFTER_CHOICES.map((n) => ({ value: String(n), label: String(n) }))} />
          <button type="button" class="button button--primary" onClick={() => void lockNow()}>{t('settings.lockNow')}</button>
        </>
      )}
    </section>
  );
}
