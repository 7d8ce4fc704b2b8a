import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { HlcSchema, compareHlc, formatHlc, parseHlc, receiveHlc, tickHlc } from '../../src/domain/hlc';

const T = 1_778_655_600_000;
const h = (wall: number, counter: number, device = 'a') => formatHlc({ wall, counter, device });

describe('formatHlc / parseHlc', () => {
  it.each([
    [{ wall: T, counter: 0, device: 'tab-1' }, '1778655600000-0000-tab-1'],
    [{ wall: 5, counter: 35, device: 'x' }, '0000000000005-000z-x'],
    [{ wall: T, counter: 36 ** 4 - 1, device: 'srv_1' }, '1778655600000-zzzz-srv_1'],
  ])('%j ↔ %s', (parts, stamp) => {
    expect(formatHlc(parts)).toBe(stamp);
    expect(parseHlc(stamp)).toEqual(parts);
    expect(v.safeParse(HlcSchema, stamp).success).toBe(true);
  });

  it('HlcSchema rejects malformed stamps', () => {
    for (const s of ['1778655600000-0000-', '177865560000-0000-a', '1778655600000-00000-a', '1778655600000-0000-a b']) {
      expect(v.safeParse(HlcSchema, s).success).toBe(false);
    }
  });
});

describe('compareHlc', () => {
  it('orders by wall time, then counter, then device', () => {
    const stamps = [h(T + 1, 0, 'a'), h(T, 2, 'a'), h(T, 10, 'a'), h(T, 2, 'b'), h(T - 1, 99, 'z')];
    expect([...stamps].sort(compareHlc)).toEqual([h(T - 1, 99, 'z'), h(T, 2, 'a'), h(T, 2, 'b'), h(T, 10, 'a'), h(T + 1, 0, 'a')]);
    expect(compareHlc(h(T, 1), h(T, 1))).toBe(0);
  });
});

describe('tickHlc', () => {
  it.each([
    ['first stamp', null, T, h(T, 0)],
    ['clock moved on', h(T, 7), T + 5, h(T + 5, 0)],
    ['same millisecond', h(T, 7), T, h(T, 8)],
    ['clock went backwards', h(T, 7), T - 60_000, h(T, 8)],
    ['counter exhausted', h(T, 36 ** 4 - 1), T, h(T + 1, 0)],
  ])('%s', (_label, last, now, expected) => {
    expect(tickHlc(last, now, 'a')).toBe(expected);
  });

  it('always moves forward', () => {
    let last: string | null = null;
    for (const now of [T, T, T - 10, T + 3, T + 3, T + 2, T + 100]) {
      const next = tickHlc(last, now, 'a');
      if (last !== null) expect(compareHlc(last, next)).toBe(-1);
      last = next;
    }
  });
});

describe('receiveHlc', () => {
  it.each([
    ['remote ahead of local and clock', h(T, 2), h(T + 10, 5, 'b'), T, h(T + 10, 6)],
    ['local ahead', h(T + 20, 2), h(T + 10, 5, 'b'), T, h(T + 20, 3)],
    ['same wall: max counter + 1', h(T + 10, 2), h(T + 10, 5, 'b'), T, h(T + 10, 6)],
    ['clock ahead of both', h(T, 2), h(T + 1, 5, 'b'), T + 50, h(T + 50, 0)],
    ['no local stamp yet', null, h(T + 10, 5, 'b'), T, h(T + 10, 6)],
    ['remote counter exhausted', null, h(T + 10, 36 ** 4 - 1, 'b'), T, h(T + 11, 0)],
  ])('%s', (_label, local, remote, now, expected) => {
    const next = receiveHlc(local, remote, now, 'a');
    expect(next).toBe(expected);
    expect(compareHlc(remote, next)).toBe(-1);
  });
});
