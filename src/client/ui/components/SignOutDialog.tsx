/**
 * "Wyloguj i usuń dane", from Settings and from the lock screen's "To nie ja" (issue 17.4). On
 * opening it sends what waits (one last sync, waited for) and counts what still waits; with
 * changes left it names how many and of which kind, offers to save them to a file first (from
 * Settings only: whoever stands at a locked tablet is not shown the records), and deletes only
 * after an explicit "I understand N changes will be lost". If more changes came meanwhile the
 * state layer refuses and the new count is shown.
 */
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n';
import { exportPendingChanges, logoutAndWipe, prepareSignOut, type PendingChanges } from '../../state';
import { entityKindKey } from '../error-message';
import { download } from '../view/download';
import { CheckboxField } from './CheckboxField';
import { ConfirmDialog } from './ConfirmDialog';

export function SignOutDialog({ id, allowExport, onCancel }: { id: string; allowExport: boolean; onCancel: () => void }) {
  const t = useT();
  const [pending, setPending] = useState<PendingChanges | null>(null);
  const [discard, setDiscard] = useState(false);
  const [grew, setGrew] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void prepareSignOut().then((p) => live && setPending(p));
    return () => {
      live = false;
    };
  }, []);
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const result = await logoutAndWipe(discard ? pending : undefined);
    if (result.ok) return;
    setBusy(false);
    setDiscard(false);
    setGrew(pending.total > 0);
    setPending(result.pending);
  };
  const saveFile = async () => download(await exportPendingChanges(), 'obecni-niewyslane-zmiany.json');
  const waiting = pending !== null && pending.total > 0;
  return (
    <ConfirmDialog id={id} title={t('settings.logoutTitle')} confirmLabel={busy ? t('settings.loggingOut') : t(waiting ? 'signout.discardConfirm' : 'settings.logoutConfirm')}
      busy={busy} confirmDisabled={pending === null || (waiting && !discard)} onConfirm={() => void confirm()} onCancel={onCancel}>
      <p>{t('settings.logoutBody')}</p>
      {pending === null && <p role="status" class="loading">{t('signout.checking')}</p>}
      {waiting && (
        <div class="callout callout--warning">
          <p>{t('settings.logoutUnsent', { count: pending.total })}</p>
          <ul class="signout__kinds">
            {Object.entries(pending.byEntity).map(([entity, count]) => (
              <li key={entity}>{t('signout.kind', { kind: t(entityKindKey(entity as keyof PendingChanges['byEntity'])), count: count ?? 0 })}</li>
            ))}
          </ul>
          {grew && <p role="alert">{t('signout.grew')}</p>}
          {allowExport && <button type="button" class="button button--secondary" onClick={() => void saveFile()}>{t('signout.export')}</button>}
          <CheckboxField id={`${id}-discard`} label={t('signout.discard', { count: pending.total })} checked={discard} onChange={setDiscard} />
        </div>
      )}
    </ConfirmDialog>
  );
}
