// CLOCK-BANNER (issue 13.1): a device whose clock is off by more than two minutes says so in the
// header, in words and correct Polish plurals ("spieszy się o 3 dni", "późni się o 5 minut").
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clockWarning } from '../../../src/client/state/clock';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { fake, resetFake, signIn } from './fake-state';
import { makeOverview, makeUnit } from './fixtures';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/attendance', async () => (await import('./fake-state')).fakeStateModule());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

beforeEach(() => {
  resetFake();
  navigate('/');
  signIn(makeUnit(), makeOverview());
});
afterEach(() => cleanup());

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
  ])('offset %i ms → "%s"', (offset, text) => {
    fake.clockWarning.value = clockWarning(offset);
    render(<App />);
    expect(banner()).toBe(text);
  });

  it.each([0, 90_000, -120_000, null])('says nothing for an offset of %s ms (within two minutes, or not known yet)', (offset) => {
    expect(clockWarning(offset)).toBeNull();
    fake.clockWarning.value = clockWarning(offset);
    render(<App />);
    expect(banner()).toBeNull();
  });
});
