// A driver's and the kitchen's devices open their own screen and offer only their sections:
// the server sends them nothing else, so the app offers nothing else.
import { render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { startFixture, stopFixture } from './app-fixture';
import { mondayRecords } from './fixtures';

beforeEach(() => navigate('/'));
afterEach(() => stopFixture());

const menuItems = () => within(screen.getByRole('navigation', { name: 'Menu główne' })).getAllByRole('link').map((a) => a.textContent);

describe('menu by role', () => {
  it('a coordinator has every section', async () => {
    await startFixture({ roles: ['coordinator'], records: mondayRecords() });
    render(<App />);
    expect(menuItems()).toEqual(['Dziś', 'Obecność', 'Plan tygodnia', 'Uczestnicy', 'Transport', 'Posiłki', 'Raporty', 'Ustawienia']);
  });

  it('a driver has Transport (opened at start) and Settings only', async () => {
    await startFixture({ roles: ['driver'], records: mondayRecords() });
    render(<App />);
    expect(menuItems()).toEqual(['Transport', 'Ustawienia']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Transport' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Więcej' })).toBeNull();
  });

  it('the kitchen has Posiłki and Settings; another section’s address is not found', async () => {
    await startFixture({ roles: ['kitchen'], records: mondayRecords() });
    navigate('/uczestnicy');
    render(<App />);
    expect(menuItems()).toEqual(['Posiłki', 'Ustawienia']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Nie ma takiej strony' })).toBeTruthy();
  });
});
