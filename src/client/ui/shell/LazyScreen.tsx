/**
 * Loads a screen's code on first use (dynamic import), so the first page load stays small.
 * The service worker precaches every chunk, so this works offline too. If loading still fails,
 * the tab most likely runs an older version whose files are gone (issue 17.5): retrying the same
 * missing file cannot help, so the user gets a message and a button that reloads the page.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n';

/** A function that imports a screen module and returns its component. */
export type ScreenLoader<P = object> = () => Promise<ComponentType<P>>;

/** Loaded screens by loader (the map is keyed by identity, so any props type fits). */
const loaded = new Map<unknown, unknown>();

/**
 * Renders the screen once loaded, with `props` if it takes any; give it a `key` per screen so
 * switching screens starts over.
 */
export function LazyScreen<P extends object = object>({ load, props }: { load: ScreenLoader<P>; props?: P }) {
  const t = useT();
  const [screen, setScreen] = useState<ComponentType<P> | undefined>(() => loaded.get(load) as ComponentType<P> | undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (screen) return;
    let live = true;
    load().then(
      (component) => {
        loaded.set(load, component);
        if (live) setScreen(() => component);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [load, screen]);
  if (screen) {
    const Screen = screen;
    return <Screen {...(props as P)} />;
  }
  if (failed) {
    return (
      <div class="callout callout--error" role="alert">
        <p>{t('app.screenLoadError')}</p>
        <button type="button" class="button button--secondary" onClick={() => location.reload()}>
          {t('app.reload')}
        </button>
      </div>
    );
  }
  return <p class="loading" role="status">{t('common.loading')}</p>;
}
