// A driver's and the kitchen's devices open their own screen and offer only their sections:
// the server sends them nothing else, so the app offers nothing else.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { fake, loaded, resetFake, session, signIn } from './fake-state';
import { makeOverview, makeUnit } from './fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/reports', async () => (await import('./fake-state')).fakeReportingModule());
vi.mock('../../../src/client/state/register', async () => (await import('./fake-state')).fakeRegistryModule());
vi.mock('../../../src/client/state/meals', async () => (await import('./fake-state')).fakeKitchenModule());
vi.mock('../../../src/client/state/transport', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/transport/routes', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/attendance', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/admin', async () => (await import('./fake-state')).fakeStateModule());

beforeEach(() => {
  resetFake();
  navigate('/');
  signIn(makeUnit(), makeOverview());
});
afterEach(() => cleanup());

const menuItems = () => within(screen.getByRole('navigation', { name: 'Menu główne' })).getAllByRole('link').map((a) => a.textContent);

describe('menu by role', () => {
  it('a coordinator has every section', () => {
    render(<App />);
    expect(menuItems()).toEqual(['Dziś', 'Obecność', 'Plan tygodnia', 'Uczestnicy', 'Transport', 'Posiłki', 'Raporty', 'Ustawienia']);
  });

  it('a driver has Transport (opened at start) and Settings only', async () => {
    fake.session.value = loaded({ ...session, roles: ['driver'] });
    render(<App />);
    expect(menuItems()).toEqual(['Transport', 'Ustawienia']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Transport' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Więcej' })).toBeNull();
  });

  it('the kitchen has Posiłki and Settings; another section’s address is not found', async () => {
    fake.session.value = loaded({ ...session, roles: ['kitchen'] });
    navigate('/uczestnicy');
    render(<App />);
    expect(menuItems()).toEqual(['Posiłki', 'Ustawienia']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Nie ma takiej strony' })).toBeTruthy();
  });
});
