/**
 * The stops of a route in driving order, reordered three ways: dragging the handle (pointer
 * events, so a finger on a tablet works as well as a mouse), the Up / Down buttons (touch,
 * keyboard, screen readers), and the arrow keys on the handle. Every move is announced in a
 * polite live region, and focus stays on the control that moved the stop.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { moveItem, type Participant } from '../../../../domain';
import { useT } from '../../../i18n';
import { formatAddress, fullName } from '../../view/people';
import type { EditorStop } from './route-draft';

export interface StopListProps {
  stops: EditorStop[];
  people: ReadonlyMap<string, Participant>;
  onChange: (stops: EditorStop[]) => void;
  /** Flags of the capacity check, by stop index: planned earlier than the stop before. */
  lateIndexes: ReadonlySet<number>;
  /** Text for the live region (moves, additions and removals elsewhere in the editor). */
  announcement: string;
  onAnnounce: (message: string) => void;
}

type Control = 'handle' | 'up' | 'down';
interface Drag { key: string; from: number; over: number; mids: number[]; pointerId: number }

const controlId = (key: string, control: Control) => `stop-${key}-${control}`;

export function StopList({ stops, people, onChange, lateIndexes, announcement, onAnnounce }: StopListProps) {
  const t = useT();
  const rows = useRef(new Map<string, HTMLLIElement>());
  const [drag, setDrag] = useState<Drag | null>(null);
  const refocus = useRef<{ key: string; control: Control } | null>(null);
  const name = (s: EditorStop) => { const p = people.get(s.participantId); return p ? fullName(p) : '?'; };

  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    refocus.current = null;
    const index = stops.findIndex((s) => s.key === target.key);
    // A move to the top disables "up": the focus goes to the enabled neighbour control instead.
    let control = target.control;
    if (control === 'up' && index === 0) control = 'down';
    if (control === 'down' && index === stops.length - 1) control = 'up';
    if (stops.length === 1) control = 'handle';
    document.getElementById(controlId(target.key, control))?.focus();
  });

  const move = (from: number, to: number, control: Control) => {
    const target = Math.max(0, Math.min(stops.length - 1, to));
    const stop = stops[from];
    if (!stop || target === from) return;
    refocus.current = { key: stop.key, control };
    onChange(moveItem(stops, from, target));
    onAnnounce(t('routes.moved', { name: name(stop), position: target + 1, total: stops.length }));
  };

  const update = (index: number, patch: Partial<EditorStop>) => onChange(stops.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  const remove = (index: number) => {
    const stop = stops[index]!;
    const next = stops[index + 1] ?? stops[index - 1];
    if (next) refocus.current = { key: next.key, control: 'handle' };
    onChange(stops.filter((_, i) => i !== index));
    onAnnounce(t('routes.removed', { name: name(stop) }));
  };

  const startDrag = (e: PointerEvent, index: number) => {
    if (e.button !== 0) return;
    e.preventDefault();
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
    // Where each row's middle is when the drag starts: the drop position is read against these.
    const mids = stops.map((s) => {
      const r = rows.current.get(s.key)?.getBoundingClientRect();
      return r ? r.top + r.height / 2 : 0;
    });
    setDrag({ key: stops[index]!.key, from: index, over: index, mids, pointerId: e.pointerId });
  };

  const dragTo = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    const over = drag.mids.filter((m, i) => i !== drag.from && m < e.clientY).length;
    if (over !== drag.over) setDrag({ ...drag, over });
  };

  const endDrag = (e: PointerEvent, cancelled: boolean) => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    setDrag(null);
    if (!cancelled) move(drag.from, drag.over, 'handle');
  };

  const onHandleKey = (e: KeyboardEvent, index: number) => {
    const to = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: stops.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(index, to, 'handle');
  };

  // While dragging, the rows stay in place (moving the dragged element in the DOM would release
  // the pointer capture); a line shows where the stop will land.
  const dropClass = (index: number) => {
    if (!drag || drag.over === drag.from || index !== drag.over) return '';
    return drag.over < drag.from ? ' drop-before' : ' drop-after';
  };

  return (
    <div class="stop-edit">
      <p id="stop-drag-help" class="muted">{t('routes.dragHelp')}</p>
      {stops.length === 0 ? <p class="callout">{t('routes.noStops')}</p> : (
        <ol class="stop-edit__list" aria-labelledby="route-stops-title">
          {stops.map((s, index) => {
            const position = index + 1;
            const who = name(s);
            const p = people.get(s.participantId);
            const aid = p?.transport.mobilityAid ?? 'none';
            return (
              <li key={s.key} ref={(el) => { if (el) rows.current.set(s.key, el); else rows.current.delete(s.key); }}
                class={`stop-edit__row${drag?.key === s.key ? ' is-dragging' : ''}${dropClass(index)}`}>
                <button type="button" id={controlId(s.key, 'handle')} class="stop-edit__handle"
                  aria-label={t('routes.dragHandle', { name: who, position, total: stops.length })} aria-describedby="stop-drag-help"
                  onPointerDown={(e) => startDrag(e, index)} onPointerMove={dragTo}
                  onPointerUp={(e) => endDrag(e, false)} onPointerCancel={(e) => endDrag(e, true)}
                  onKeyDown={(e) => onHandleKey(e, index)}>
                  <span aria-hidden="true">⠿</span>
                </button>
                <span class="stop-edit__number" aria-hidden="true">{position}</span>
                <div class="stop-edit__who">
                  <strong>{who}</strong>
                  {aid !== 'none' && <span class={aid === 'wheelchair' ? 'badge badge--aid' : 'badge badge--none'}>{t(`mobility.${aid}`)}</span>}
                </div>
                <label class="stop-edit__time">
                  <span class="stop-edit__label">{t('routes.plannedTime')}</span>
                  <input type="time" class="input" step={60} value={s.plannedTime} aria-label={t('routes.plannedTimeFor', { name: who })}
                    aria-invalid={lateIndexes.has(index) ? 'true' : undefined}
                    onInput={(e) => update(index, { plannedTime: e.currentTarget.value })} />
                </label>
                <label class="stop-edit__address">
                  <span class="stop-edit__label">{t('routes.address')}</span>
                  <input type="text" class="input" value={s.pickupAddress} maxLength={200} aria-label={t('routes.addressFor', { name: who })}
                    placeholder={p ? t('routes.addressHome', { address: formatAddress(p.address) }) : ''}
                    onInput={(e) => update(index, { pickupAddress: e.currentTarget.value })} />
                </label>
                <div class="stop-edit__buttons">
                  <button type="button" id={controlId(s.key, 'up')} class="button button--secondary" disabled={index === 0}
                    aria-label={t('routes.moveUpFor', { name: who })} onClick={() => move(index, index - 1, 'up')}><span aria-hidden="true">↑ </span>{t('routes.moveUp')}</button>
                  <button type="button" id={controlId(s.key, 'down')} class="button button--secondary" disabled={index === stops.length - 1}
                    aria-label={t('routes.moveDownFor', { name: who })} onClick={() => move(index, index + 1, 'down')}><span aria-hidden="true">↓ </span>{t('routes.moveDown')}</button>
                  <button type="button" class="button button--secondary" aria-label={t('routes.removeFor', { name: who })} onClick={() => remove(index)}>
                    {t('routes.remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
    </div>
  );
}
