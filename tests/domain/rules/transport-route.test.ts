import { describe, expect, it } from 'vitest';
import { capacityProblems, moveItem, planPositions, routeCapacity } from '../../../src/domain/rules/transport-route';
import { person } from './fixtures';

describe('moveItem', () => {
  it.each([
    { list: ['a', 'b', 'c', 'd'], from: 0, to: 2, out: ['b', 'c', 'a', 'd'] },
    { list: ['a', 'b', 'c', 'd'], from: 3, to: 0, out: ['d', 'a', 'b', 'c'] },
    { list: ['a', 'b', 'c'], from: 1, to: 1, out: ['a', 'b', 'c'] },
    { list: ['a', 'b', 'c'], from: 1, to: 9, out: ['a', 'c', 'b'] },
    { list: ['a', 'b', 'c'], from: 1, to: -3, out: ['b', 'a', 'c'] },
    { list: ['a', 'b', 'c'], from: 5, to: 0, out: ['a', 'b', 'c'] },
    { list: [], from: 0, to: 0, out: [] },
  ])('$list: $from → $to', ({ list, from, to, out }) => {
    const before = [...list];
    expect(moveItem(list, from, to)).toEqual(out);
    expect(list).toEqual(before);
  });
});

/** How many stored keys a plan rewrites. */
const changed = (current: (number | null)[], planned: number[]) => planned.filter((p, i) => current[i] !== p).length;

describe('planPositions', () => {
  it.each([
    { why: 'already in order: nothing changes', current: [1, 2, 3], out: [1, 2, 3], rewrites: 0 },
    { why: 'last moved to the front: one key before the first', current: [3, 1, 2], out: [0, 1, 2], rewrites: 1 },
    { why: 'first moved to the end: one key after the last', current: [2, 3, 1], out: [2, 3, 4], rewrites: 1 },
    { why: 'moved between two: the midpoint', current: [1, 4, 2, 3], out: [1, 1.5, 2, 3], rewrites: 1 },
    { why: 'a new stop in the middle', current: [1, null, 2], out: [1, 1.5, 2], rewrites: 1 },
    { why: 'two new stops at the end', current: [1, 2, null, null], out: [1, 2, 3, 4], rewrites: 2 },
    { why: 'two new stops between', current: [1, null, null, 4], out: [1, 2, 3, 4], rewrites: 2 },
    { why: 'only new stops', current: [null, null, null], out: [1, 2, 3], rewrites: 3 },
    { why: 'new stop first', current: [null, 5, 6], out: [4, 5, 6], rewrites: 1 },
    { why: 'equal keys (two devices added at once): one of them moves', current: [1, 1, 2], out: [0, 1, 2], rewrites: 1 },
    { why: 'reversed: keeps one, moves the rest', current: [3, 2, 1], out: [-1, 0, 1], rewrites: 2 },
    { why: 'empty', current: [], out: [], rewrites: 0 },
  ])('$why', ({ current, out, rewrites }) => {
    const planned = planPositions(current);
    expect(planned).toEqual(out);
    expect(changed(current, planned)).toBe(rewrites);
    for (let i = 1; i < planned.length; i += 1) expect(planned[i]!).toBeGreaterThan(planned[i - 1]!);
  });

  it('renumbers when the keys between two stops run out', () => {
    const a = 1;
    const b = 1 + Number.EPSILON;
    expect(planPositions([a, null, b])).toEqual([1, 2, 3]);
  });
});

describe('routeCapacity', () => {
  const walker = person('w', { transport: { needsTransport: true, mobilityAid: 'walker', driverNote: '' } });
  const chair1 = person('c1', { transport: { needsTransport: true, mobilityAid: 'wheelchair', driverNote: '' } });
  const chair2 = person('c2', { transport: { needsTransport: true, mobilityAid: 'wheelchair', driverNote: '' } });
  const gone = person('g', { status: 'discharged', dischargeDate: '2026-01-31' });
  const people = [walker, chair1, chair2, gone, person('a'), person('b')];
  const stop = (participantId: string, plannedTime = '07:00') => ({ participantId, plannedTime });

  it.each([
    { why: 'fits', seats: 3, wc: 1, ids: ['w', 'c1', 'a'], need: [2, 1], over: [false, false], problems: false },
    { why: 'wheelchair users take wheelchair places, not seats', seats: 2, wc: 2, ids: ['w', 'c1', 'c2', 'a'], need: [2, 2], over: [false, false], problems: false },
    { why: 'one seat short', seats: 2, wc: 1, ids: ['w', 'a', 'b'], need: [3, 0], over: [true, false], problems: true },
    { why: 'one wheelchair place short', seats: 9, wc: 1, ids: ['c1', 'c2'], need: [0, 2], over: [false, true], problems: true },
    { why: 'no wheelchair places at all', seats: 9, wc: 0, ids: ['c1'], need: [0, 1], over: [false, true], problems: true },
    { why: 'a discharged person does not travel', seats: 1, wc: 0, ids: ['a', 'g'], need: [1, 0], over: [false, false], problems: false },
    { why: 'an unknown person counts as a seat', seats: 1, wc: 0, ids: ['a', 'zz'], need: [2, 0], over: [true, false], problems: true },
    { why: 'empty run', seats: 1, wc: 0, ids: [], need: [0, 0], over: [false, false], problems: false },
  ])('$why', ({ seats, wc, ids, need, over, problems }) => {
    const c = routeCapacity({ seats, wheelchairPlaces: wc }, ids.map((id) => stop(id)), people);
    expect([c.seatsNeeded, c.wheelchairsNeeded]).toEqual(need);
    expect([c.overSeats, c.overWheelchairs]).toEqual(over);
    expect(capacityProblems(c)).toBe(problems);
  });

  it('counts a person listed twice once and reports the duplicate', () => {
    const c = routeCapacity({ seats: 1, wheelchairPlaces: 0 }, [stop('a'), stop('a')], people);
    expect(c.seatsNeeded).toBe(1);
    expect(c.duplicates).toEqual(['a']);
    expect(capacityProblems(c)).toBe(true);
  });

  it('reports stops planned earlier than the stop before them', () => {
    const c = routeCapacity({ seats: 9, wheelchairPlaces: 0 }, [stop('a', '07:10'), stop('b', '07:05'), stop('w', '07:20'), stop('c1', '07:20')], people);
    expect(c.timesOutOfOrder).toEqual([1]);
  });
});
