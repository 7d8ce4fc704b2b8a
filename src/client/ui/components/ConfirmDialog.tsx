/**
 * A modal confirmation for destructive actions, on the native <dialog> (focus trap, Escape and
 * focus return come from the browser). Cancel is focused first, so Enter never destroys data.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../i18n';

export interface ConfirmDialogProps {
  id: string;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  busy?: boolean;
  /** Keeps the confirm button disabled (an explicit discard not yet ticked). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Render it only while open; it opens itself as a modal when mounted. */
export function ConfirmDialog({ id, title, children, confirmLabel, busy, confirmDisabled, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    cancelRef.current?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);
  const titleId = `${id}-title`;
  const bodyId = `${id}-body`;
  return (
    <dialog
      ref={ref}
      id={id}
      class="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} class="dialog__title">{title}</h2>
      <div id={bodyId} class="dialog__body">{children}</div>
      <div class="dialog__actions">
        <button ref={cancelRef} type="button" class="button button--secondary" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" class="button button--danger" disabled={busy || confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
