/** The heading block of a screen: the h1 and an optional subtitle (the unit, a count). */
import type { ComponentChildren } from 'preact';

/** Every screen has exactly one h1, here. */
export function ScreenHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="screen__header">
      <h1 class="screen__title">{title}</h1>
      {children}
    </div>
  );
}
