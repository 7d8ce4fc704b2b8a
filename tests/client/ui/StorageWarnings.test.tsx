// Issue 17.2, 17.3, 17.7 as the user sees them: the header says whether storage is persistent and
// warns at 80 % of the quota; a connection lost twice offers "Uruchom ponownie"; the sign-in page
// of a private-looking window warns that the data may vanish. Over the real state layer: the
// browser's storage manager (FakeStorageManager) gives the usage, quota and persistence.
import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportStorageProblem, watchStorage } from '../../../src/client/state/storage-status';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { mondayRecords } from './fixtures';

const MB = 1024 * 1024;
const IPAD = 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

// The install notice is decided once per visit (until "Rozumiem"), from the browser: this file runs
// as Safari on an iPad not installed, so every screen shows the notice until a test dismisses it
// (only the INSTALL-NOTICE test does, and no later test looks for it).
beforeAll(() => {
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(IPAD);
});

/** A private window: the browser refuses to keep the data. */
function refusePersistence(fixture: AppFixture): void {
  fixture.storage.persist = () => Promise.resolve(false);
}

beforeEach(() => navigate('/'));
afterEach(() => stopFixture());

describe('storage warnings', () => {
  it('the header names the storage state and warns at 80 % of the quota', async () => {
    const fixture = await startFixture({ records: mondayRecords() });
    fixture.storage.usage = 41 * MB;
    fixture.storage.quota = 50 * MB;
    const { container } = render(<App />);
    expect(await screen.findByText(/Pamięć urządzenia jest prawie pełna: zajęte 82% \(41 z 50 MB\)/)).toBeTruthy();
    expect(document.querySelector('.app-header__storage')?.textContent).toBe(' · pamięć nietrwała — przeglądarka może usunąć dane');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('a connection lost twice offers a restart', async () => {
    await startFixture({ records: mondayRecords() });
    reportStorageProblem({ code: 'connectionLost' });
    render(<App />);
    expect(screen.getByRole('alert').textContent).toContain('Przeglądarka zerwała połączenie z danymi na tym urządzeniu');
    expect(screen.getByRole('button', { name: 'Uruchom ponownie' })).toBeTruthy();
  });

  it('INSTALL-NOTICE: Safari or an iPad not running installed shows how to add Obecni to the home screen, before and after sign-in', async () => {
    await startFixture({ signedIn: false, setup: { initialized: true, demoAvailable: false } });
    const { container, unmount } = render(<App />);
    expect((await screen.findByRole('region', { name: 'Dodaj Obecni do ekranu początkowego' })).textContent).toContain('usuwa dane strony, której nie otwierano przez 7 dni');
    expect(await axeViolations(container)).toEqual([]);
    unmount();
    await startFixture({ records: mondayRecords() });
    render(<App />);
    expect(screen.getByRole('region', { name: 'Dodaj Obecni do ekranu początkowego' }).textContent).toContain('„Do ekranu początkowego”');
    fireEvent.click(screen.getByRole('button', { name: 'Rozumiem' }));
    expect(screen.queryByRole('region', { name: 'Dodaj Obecni do ekranu początkowego' })).toBeNull();
  });

  it('the sign-in page of a private-looking window warns that the data may vanish', async () => {
    const fixture = await startFixture({ signedIn: false, setup: { initialized: true, demoAvailable: false } });
    refusePersistence(fixture);
    fixture.storage.usage = 0;
    fixture.storage.quota = 100 * MB;
    // What the app does at start: ask to keep the data (refused here), then read the usage.
    await watchStorage();
    render(<App />);
    expect(await screen.findByText(/To okno przeglądarki nie zapisuje danych trwale i ma bardzo mało miejsca \(100 MB\)/)).toBeTruthy();
  });
});
