// Issue 17.2, 17.3, 17.7 as the user sees them: the header says whether storage is persistent and
// warns at 80 % of the quota; a connection lost twice offers "Uruchom ponownie"; the sign-in page
// of a private-looking window warns that the data may vanish.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { axeViolations } from './axe';
import { fake, loaded, resetFake, signIn } from './fake-state';
import { makeOverview, makeUnit } from './fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/attendance', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/admin', async () => (await import('./fake-state')).fakeStateModule());

const MB = 1024 * 1024;

beforeEach(() => {
  resetFake();
  navigate('/');
});
afterEach(() => cleanup());

describe('storage warnings', () => {
  it('the header names the storage state and warns at 80 % of the quota', async () => {
    signIn(makeUnit(), makeOverview());
    fake.storageInfo.value = loaded({ persisted: false, usage: 41 * MB, quota: 50 * MB });
    fake.storageWarning.value = { kind: 'nearlyFull', percent: 82, usage: 41 * MB, quota: 50 * MB };
    const { container } = render(<App />);
    expect(document.querySelector('.app-header__storage')?.textContent).toBe(' · pamięć nietrwała — przeglądarka może usunąć dane');
    expect(screen.getByText(/Pamięć urządzenia jest prawie pełna: zajęte 82% \(41 z 50 MB\)/)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a connection lost twice offers a restart', () => {
    signIn(makeUnit(), makeOverview());
    fake.storageProblem.value = { code: 'connectionLost' };
    render(<App />);
    expect(screen.getByRole('alert').textContent).toContain('Przeglądarka zerwała połączenie z danymi na tym urządzeniu');
    expect(screen.getByRole('button', { name: 'Uruchom ponownie' })).toBeTruthy();
  });

  it('INSTALL-NOTICE: Safari or an iPad not running installed shows how to add Obecni to the home screen, before and after sign-in', async () => {
    fake.setup.value = loaded({ initialized: true, demoAvailable: false });
    fake.installNotice.value = true;
    const { container, unmount } = render(<App />);
    expect(screen.getByRole('region', { name: 'Dodaj Obecni do ekranu początkowego' }).textContent).toContain('usuwa dane strony, której nie otwierano przez 7 dni');
    expect(await axeViolations(container)).toEqual([]);
    unmount();
    signIn(makeUnit(), makeOverview());
    render(<App />);
    expect(screen.getByRole('region', { name: 'Dodaj Obecni do ekranu początkowego' }).textContent).toContain('„Do ekranu początkowego”');
    fireEvent.click(screen.getByRole('button', { name: 'Rozumiem' }));
    expect(screen.queryByRole('region', { name: 'Dodaj Obecni do ekranu początkowego' })).toBeNull();
  });

  it('the sign-in page of a private-looking window warns that the data may vanish', () => {
    fake.setup.value = loaded({ initialized: true, demoAvailable: false });
    fake.storageWarning.value = { kind: 'notKept', quota: 100 * MB };
    render(<App />);
    expect(screen.getByText(/To okno przeglądarki nie zapisuje danych trwale i ma bardzo mało miejsca \(100 MB\)/)).toBeTruthy();
  });
});
