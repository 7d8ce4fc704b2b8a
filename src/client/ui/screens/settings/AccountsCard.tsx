/**
 * For administrators: the organization's accounts (roles, units, disabled) with a form for a new
 * one, and the devices signed in, each revocable. Online only: these live on the server.
 */
import { useEffect, useState } from 'preact/hooks';
import { ROLES, type Role } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { useToday, useUnits, type AppError } from '../../../state';
import { createAccount, deviceAlerts, loadAccounts, revokeDevice, updateAccount, type AccountsResponse } from '../../../state/admin';
import { CheckboxField } from '../../components/CheckboxField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { errorKey } from '../../error-message';
import { errorMessageKey } from '../register/form-context';

export function AccountsCard() {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const units = useUnits().data ?? [];
  const [data, setData] = useState<AccountsResponse | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [message, setMessage] = useState('');
  const [form, setForm] = useState({ displayName: '', login: '', password: '', role: 'therapist' as Role, unitIds: [] as string[] });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const refresh = async () => {
    const r = await loadAccounts();
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else {
      setError(r.error);
    }
  };
  useEffect(() => {
    void refresh();
  }, []);
  const act = async (run: Promise<{ ok: true } | { ok: false; error: AppError }>, done: string) => {
    const r = await run;
    if (r.ok) {
      setMessage(done);
      await refresh();
    } else {
      setError(r.error);
    }
    return r;
  };
  const create = async (e: Event) => {
    e.preventDefault();
    setFieldErrors({});
    const r = await act(createAccount({ displayName: form.displayName, login: form.login, password: form.password, roles: [form.role], unitIds: form.unitIds }),
      t('accounts.created', { login: form.login }));
    if (r.ok) setForm({ displayName: '', login: '', password: '', role: 'therapist', unitIds: [] });
    else setFieldErrors(Object.fromEntries((r.error.issues ?? []).map((i) => [i.path, i.code])));
  };
  const err = (path: string) => (fieldErrors[path] ? t(errorMessageKey(fieldErrors[path])) : undefined);
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? '—';

  return (
    <section class="card" aria-labelledby="settings-accounts">
      <h2 id="settings-accounts" class="card__title">{t('accounts.title')}</h2>
      <p class="muted">{t('accounts.body')}</p>
      {error && <p class="callout callout--error" role="alert">{t(errorKey(error))}</p>}
      <p role="status" class="muted">{data ? message : t('accounts.loading')}</p>
      {data && (
        <>
          <h3 class="card__subtitle">{t('accounts.list')}</h3>
          <ul class="plain-list">
            {data.accounts.map((a) => (
              <li key={a.id} class="plain-list__item">
                <span class="plain-list__name">{a.displayName} ({a.login}){a.disabled && <span class="badge badge--absent"> {t('accounts.disabled')}</span>}</span>
                <span class="plain-list__meta">{a.roles.map((r) => t(`role.${r as Role}`)).join(', ')} · {a.unitIds.map(unitName).join(', ') || '—'}</span>
                <button type="button" class="button button--secondary" onClick={() => void act(updateAccount(a.id, { disabled: !a.disabled }), '')}>
                  {t(a.disabled ? 'accounts.enable' : 'accounts.disable', { login: a.login })}
                </button>
              </li>
            ))}
          </ul>
          <form class="form" noValidate onSubmit={(e) => void create(e)} aria-labelledby="accounts-new">
            <h3 id="accounts-new" class="card__subtitle">{t('accounts.new')}</h3>
            <TextField id="acc-name" label={t('accounts.name')} value={form.displayName} onInput={(v) => setForm({ ...form, displayName: v })} error={err('displayName')} />
            <TextField id="acc-login" label={t('accounts.login')} value={form.login} onInput={(v) => setForm({ ...form, login: v })} error={err('login')} />
            <TextField id="acc-password" type="password" autoComplete="new-password" label={t('accounts.password')} value={form.password} onInput={(v) => setForm({ ...form, password: v })} error={err('password')} />
            <SelectField id="acc-role" label={t('accounts.role')} value={form.role} onChange={(v) => setForm({ ...form, role: v as Role })}
              options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            <fieldset class="checklist">
              <legend class="field__label">{t('accounts.units')}</legend>
              {units.map((u) => (
                <CheckboxField key={u.id} id={`acc-unit-${u.id}`} label={u.name} checked={form.unitIds.includes(u.id)}
                  onChange={(on) => setForm({ ...form, unitIds: on ? [...form.unitIds, u.id] : form.unitIds.filter((x) => x !== u.id) })} />
              ))}
            </fieldset>
            <button type="submit" class="button button--primary">{t('accounts.create')}</button>
          </form>
          <h3 class="card__subtitle">{t('accounts.devices')}</h3>
          <ul class="plain-list">
            {data.devices.map((d) => ({ d, alerts: deviceAlerts(d) })).map(({ d, alerts }) => (
              <li key={d.id} class="plain-list__item">
                <span>{t('accounts.device', { name: d.name, user: d.userName, seen: d.lastSeenAtMs ? f.timestamp(d.lastSeenAtMs, today) : t('accounts.never') })}</span>
                {alerts.pending > 0 && <span class="badge badge--warning">{t('accounts.devicePending', { count: alerts.pending })}</span>}
                {alerts.silentDays !== null && <span class="badge badge--warning">{t('accounts.deviceSilent', { count: alerts.silentDays })}</span>}
                {d.revokedAtMs ? <span class="badge badge--none">{t('accounts.revoked')}</span> : (
                  <button type="button" class="button button--secondary" onClick={() => void act(revokeDevice(d.id), t('accounts.revoked'))}>
                    {t('accounts.revoke', { name: d.name, user: d.userName })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
