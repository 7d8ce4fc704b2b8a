/**
 * A modal panel of the planner (an occurrence, copy week, new term) on the native <dialog>: the
 * browser traps the focus, Escape closes it and the focus returns to the block that opened it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../../i18n';

export interface PlanDialogProps {
  id: string;
  title: string;
  children: ComponentChildren;
  onClose: () => void;
}

/** Render it only while open; it opens itself when mounted. */
export function PlanDialog({ id, title, children, onClose }: PlanDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} id={id} class="dialog plan-dialog" aria-labelledby={`${id}-title`} onCancel={(e) => {
      e.preventDefault();
      onClose();
    }}>
      <div class="plan-dialog__head">
        <h2 id={`${id}-title`} class="dialog__title">{title}</h2>
        <button type="button" class="button button--secondary" onClick={onClose}>{t('plan.action.close')}</button>
      </div>
      {children}
    </dialog>
  );
}
