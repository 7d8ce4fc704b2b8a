/** An in-app link: a real <a href> (so it can be opened in a new tab) that navigates without a reload. */
import type { ComponentChildren } from 'preact';
import { navigate, normalizePath, useRoute } from './router';

/** Props of Link: an in-app `href`, a class, and an optional callback after navigating. */
export interface LinkProps {
  href: string;
  children: ComponentChildren;
  class?: string;
  onNavigate?: () => void;
}

/** Marks itself aria-current="page" when its path is the current one (or the current path is under it). */
export function Link({ href, children, class: className, onNavigate }: LinkProps) {
  const { path } = useRoute();
  const target = normalizePath(href);
  const current = target === path || (target !== '/' && path.startsWith(`${target}/`));
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
    onNavigate?.();
  };
  return (
    <a href={href} class={className} onClick={onClick} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
