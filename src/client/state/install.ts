/**
 * Whether this browser may delete Obecni's data after a week without use (issue 17.1). WebKit
 * (Safari on macOS, every browser on iPhone and iPad) deletes the script-written storage of a site
 * not used for 7 days unless the site runs installed from the home screen (or the Dock); an
 * installed app also has its own storage, separate from Safari's. The sign-in page and the app
 * show how to install when this is true.
 */
import { signal } from '@preact/signals';

/**
 * True for WebKit with the 7-day rule not running installed: any browser on iPhone, iPod or iPad
 * (iPadOS also presents itself as a Mac with a touch screen) and Safari on macOS.
 */
export function webKitDeletesData(userAgent: string, maxTouchPoints: number, standalone: boolean): boolean {
  if (standalone) return false;
  const ios = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  if (ios) return true;
  const macSafari = /Macintosh/.test(userAgent) && /Version\/[\d.]+.*Safari\//.test(userAgent) && !/Chrome|Chromium|CriOS|Edg|OPR|Firefox|FxiOS/.test(userAgent);
  return macSafari;
}

function detect(): boolean {
  if (typeof navigator === 'undefined' || typeof window === 'undefined') return false;
  const standalone = window.matchMedia?.('(display-mode: standalone)').matches === true || (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return webKitDeletesData(navigator.userAgent, navigator.maxTouchPoints ?? 0, standalone);
}

const show = signal<boolean | null>(null);

/** Whether to show the "add Obecni to the home screen" notice (until dismissed in this visit). */
export function useInstallNotice(): boolean {
  show.value ??= detect();
  return show.value;
}

/** Hides the notice until the next start. */
export function dismissInstallNotice(): void {
  show.value = false;
}
