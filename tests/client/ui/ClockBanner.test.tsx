// CLOCK-BANNER (issue 13.1): a device whose clock is off by more than two minutes says so in the
// header, in words and correct Polish plurals ("spieszy się o 3 dni", "późni się o 5 minut"). Over
// the real state layer: the offset is learned from the scripted server's time in a sync answer.
import { render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncNow } from '../../../src/client/state';
import { clockWarning } from '../../../src/client/state/clock';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { MONDAY_0842, startFixture, stopFixture, type AppFixture } from './app-fixture';
import { mondayRecords } from './fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let fixture: AppFixture;
beforeEach(async () => {
  navigate('/');
  fixture = await startFixture({ records: mondayRecords() });
});
afterEach(() => stopFixture());

/** The server's clock is `offset` ms off the device's, and a sync has told the device so. */
async function syncWithServerOffBy(offset: number): Promise<void> {
  fixture.transport.serverNowMs = () => MONDAY_0842 + offset;
  await syncNow();
}

const banner = () => document.querySelector('[data-testid="clock-banner"]')?.textContent ?? null;

describe('CLOCK-BANNER: the header tells a user whose device clock is wrong', () => {
  it.each([
    [-3 * DAY, 'Zegar tabletu spieszy się o 3 dni: popraw datę i godzinę w ustawieniach'],
    [-1 * DAY, 'Zegar tabletu spieszy się o 1 dzień: popraw datę i godzinę w ustawieniach'],
    [-5 * 365 * DAY, 'Zegar tabletu spieszy się o 1825 dni: popraw datę i godzinę w ustawieniach'],
    [1 * HOUR, 'Zegar tabletu późni się o 1 godzinę: popraw datę i godzinę w ustawieniach'],
    [-22 * HOUR, 'Zegar tabletu spieszy się o 22 godziny: popraw datę i godzinę w ustawieniach'],
    [-5 * HOUR, 'Zegar tabletu spieszy się o 5 godzin: popraw datę i godzinę w ustawieniach'],
    [3 * MINUTE, 'Zegar tabletu późni się o 3 minuty: popraw datę i godzinę w ustawieniach'],
    [-25 * MINUTE, 'Zegar tabletu spieszy się o 25 minut: popraw datę i godzinę w ustawieniach'],
  ])('offset %i ms → "%s"', async (offset, text) => {
    await syncWithServerOffBy(offset);
    render(<App />);
    await screen.findByText('Zalogowano: Ewa Lis');
    expect(banner()).toBe(text);
  });

  it.each([0, 90_000, -120_000, null])('says nothing for an offset of %s ms (within two minutes, or not known yet)', async (offset) => {
    expect(clockWarning(offset)).toBeNull();
    if (offset !== null) await syncWithServerOffBy(offset);
    render(<App />);
    await screen.findByText('Zalogowano: Ewa Lis');
    expect(banner()).toBeNull();
    expect(fixture.transport.callsOf('pull')).toHaveLength(offset === null ? 0 : 1);
  });
});
