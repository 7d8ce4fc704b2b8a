/**
 * The UI language as a signal, remembered on the device (localStorage), Polish by default.
 * The document's `lang` attribute follows it, so screen readers pronounce the text correctly.
 */
import { effect, signal } from '@preact/signals';
import { LANGUAGES, type Language } from './types';

const STORAGE_KEY = 'obecni.language';

function readStored(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return LANGUAGES.find((l) => l === stored) ?? 'pl';
  } catch {
    return 'pl';
  }
}

/** The current UI language; components that read `.value` re-render when it changes. */
export const language = signal<Language>(readStored());

/** Switches the UI language and remembers the choice on this device. */
export function setLanguage(lang: Language): void {
  language.value = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage full: the choice lasts until the page is closed.
  }
}

if (typeof document !== 'undefined') {
  effect(() => {
    document.documentElement.lang = language.value;
  });
}

/** The current language and the setter, for the language switch. */
export function useLanguage(): { language: Language; setLanguage: (lang: Language) => void } {
  return { language: language.value, setLanguage };
}
