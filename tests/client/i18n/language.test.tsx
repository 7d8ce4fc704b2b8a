// The language switch: remembered on the device, reflected in <html lang>, and every useT()
// component re-renders in the new language.
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { language, loadCatalog, setLanguage, useLanguage, useT } from '../../../src/client/i18n';

function Greeting() {
  const t = useT();
  const { language: lang } = useLanguage();
  return <p data-lang={lang}>{t('nav.today')}</p>;
}

afterEach(() => {
  cleanup();
  setLanguage('pl');
});

describe('language', () => {
  it('is Polish by default', () => {
    expect(language.value).toBe('pl');
    expect(document.documentElement.lang).toBe('pl');
  });

  it('switches, loads English, persists and re-renders', async () => {
    render(<Greeting />);
    expect(screen.getByText('Dziś')).toBeTruthy();
    await act(async () => {
      setLanguage('en');
      await loadCatalog('en');
    });
    expect(screen.getByText('Today').getAttribute('data-lang')).toBe('en');
    expect(localStorage.getItem('obecni.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
