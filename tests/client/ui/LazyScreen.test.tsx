// Issue 17.5: a lazily loaded screen whose code cannot be loaded (a tab left on an older version
// whose files are gone) offers to reload the page, not to fetch the same missing file again.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LazyScreen } from '../../../src/client/ui/shell/LazyScreen';

afterEach(() => cleanup());

describe('LazyScreen', () => {
  it('offers "Odśwież stronę" when the screen\'s code fails to load', async () => {
    const load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    render(<LazyScreen load={load} />);
    expect((await screen.findByRole('alert')).textContent).toContain('być może Obecni zostało w międzyczasie zaktualizowane');
    expect(screen.getByRole('button', { name: 'Odśwież stronę' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Spróbuj ponownie' })).toBeNull();
  });
});
