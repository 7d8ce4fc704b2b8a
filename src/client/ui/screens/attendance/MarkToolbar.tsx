/** "Mark the rest present" (after a confirmation) and "undo" of the last change, with a live status line. */
import type { Signal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { type ActionResult } from '../../../state';
import { markRemainingPresent, undoLastChange, useLastChange, type UndoInfo } from '../../../state/attendance';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';

export interface MarkToolbarProps {
  unitId: string;
  day: string;
  remaining: readonly string[];
  canMark: boolean;
  message: Signal<string>;
  onResult: (result: ActionResult, message: string) => void;
}

function useUndoLabel(info: UndoInfo | null): string | null {
  const t = useT();
  if (!info) return null;
  if (info.kind === 'markAll') return t('attendance.undoHint.markAll', { count: info.count });
  return t(`attendance.undoHint.${info.kind}`);
}

export function MarkToolbar({ unitId, day, remaining, canMark, message, onResult }: MarkToolbarProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const last = useLastChange();
  const undoLabel = useUndoLabel(last);

  const markAll = async () => {
    setBusy(true);
    const result = await markRemainingPresent(unitId, day, remaining);
    setBusy(false);
    setConfirming(false);
    onResult(result, t('attendance.undoHint.markAll', { count: remaining.length }));
  };
  const undo = async () => {
    setBusy(true);
    const result = await undoLastChange();
    setBusy(false);
    onResult(result, t('attendance.undone'));
  };

  return (
    <div class="toolbar">
      {canMark && (
        <button type="button" class="button button--primary" disabled={remaining.length === 0 || busy} onClick={() => setConfirming(true)}>
          {t('attendance.markAll')} ({remaining.length})
        </button>
      )}
      {undoLabel && (
        <button type="button" class="button button--secondary" disabled={busy} onClick={() => void undo()}>
          <Icon name="undo" /> {undoLabel}
        </button>
      )}
      <p class="toolbar__status" role="status" aria-live="polite">{message.value}</p>
      {confirming && (
        <ConfirmDialog id="mark-all" title={t('attendance.markAllTitle')} confirmLabel={t('attendance.markAllConfirm')} busy={busy}
          onConfirm={() => void markAll()} onCancel={() => setConfirming(false)}>
          <p>{t('attendance.markAllBody', { count: remaining.length })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
