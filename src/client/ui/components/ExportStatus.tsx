/**
 * Running an export from a button (a report, the register, the month's meals): a busy flag, the
 * download, and a line saying how it went, including when the export's audit entry waits for the
 * server.
 */
import { useState } from 'preact/hooks';
import { useT } from '../../i18n';
import { pendingExportCount } from '../../state';
import { download } from '../view/download';

export interface ExportState { busy: boolean; outcome: 'done' | 'queued' | 'failed' | null; run: (make: () => Promise<Blob>, filename: string) => void }

export function useExport(): ExportState {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportState['outcome']>(null);
  const run = (make: () => Promise<Blob>, filename: string) => {
    setBusy(true);
    setOutcome(null);
    make()
      .then(async (blob) => {
        download(blob, filename);
        setOutcome((await pendingExportCount()) > 0 ? 'queued' : 'done');
      })
      .catch(() => setOutcome('failed'))
      .finally(() => setBusy(false));
  };
  return { busy, outcome, run };
}

/** A polite status line under the export buttons. */
export function ExportStatus({ state }: { state: ExportState }) {
  const t = useT();
  const text = state.busy ? t('export.preparing') : state.outcome === 'failed' ? t('export.failed') : state.outcome === 'queued' ? t('export.queued') : '';
  return <p class={`no-print${state.outcome === 'failed' ? ' callout callout--error' : ' muted'}`} role="status" aria-live="polite">{text}</p>;
}
