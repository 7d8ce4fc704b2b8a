/**
 * What this device keeps: whether the browser promised persistent storage (and a button to ask
 * for it), and how much space the data takes out of the quota.
 */
import { useState } from 'preact/hooks';
import { useFormat, useT } from '../../../i18n';
import { requestPersistentStorage, useStorageInfo } from '../../../state';
import { QueryStatus } from '../../components/QueryStatus';
import { StorageWarning } from '../../shell/StorageWarning';

/** The storage card of Settings. */
export function StorageCard() {
  const t = useT();
  const f = useFormat();
  const info = useStorageInfo();
  const [answer, setAnswer] = useState<boolean | null>(null);
  const ask = async () => setAnswer(await requestPersistentStorage());
  return (
    <section class="card" aria-labelledby="settings-storage">
      <h2 id="settings-storage" class="card__title">{t('settings.storage')}</h2>
      <QueryStatus result={info}>
        {(data) => {
          const persisted = data.persisted === null ? 'settings.persistedUnknown' : data.persisted ? 'settings.persistedYes' : 'settings.persistedNo';
          return (
            <>
              <p>{t('settings.persisted', { value: t(persisted) })}</p>
              {data.persisted !== true && (
                <>
                  <p class="muted">{t('settings.persistExplain')}</p>
                  <button type="button" class="button button--secondary" onClick={() => void ask()}>{t('settings.persistRequest')}</button>
                </>
              )}
              <StorageWarning look="callout" />
              <p>
                {data.usage !== null && data.quota !== null
                  ? t('settings.usage', { used: f.megabytes(data.usage), quota: f.megabytes(data.quota) })
                  : t('settings.usageUnknown')}
              </p>
            </>
          );
        }}
      </QueryStatus>
      <p role="status" class="progress-line">
        {answer === null ? '' : answer ? t('settings.persistGranted') : t('settings.persistDenied')}
      </p>
    </section>
  );
}
