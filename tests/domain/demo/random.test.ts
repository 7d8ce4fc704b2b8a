import { describe, expect, it } from 'vitest';
import { chance, mulberry32, pick, randInt, seededUuidV7, shuffle, weighted } from '../../../src/domain/demo/random';

describe('mulberry32', () => {
  it('repeats the same sequence for the same seed, another for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(seqA);
    expect(Array.from({ length: 20 }, c)).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('is roughly uniform', () => {
    const r = mulberry32(1);
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) buckets[Math.floor(r() * 4)]! += 1;
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(400);
  });
});

describe('helpers', () => {
  it('randInt stays within its inclusive bounds and reaches both ends', () => {
    const r = mulberry32(5);
    const seen = new Set(Array.from({ length: 500 }, () => randInt(r, 3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('shuffle returns a permutation and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffle(mulberry32(9), input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort()).toEqual(input);
    expect(out).not.toEqual(input);
  });

  it('weighted follows the weights; pick and chance', () => {
    const r = mulberry32(11);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[weighted(r, [['a', 9], ['b', 1]] as const)] += 1;
    expect(counts.a / 10_000).toBeGreaterThan(0.87);
    expect(counts.a / 10_000).toBeLessThan(0.93);
    expect(['x', 'y']).toContain(pick(r, ['x', 'y']));
    expect(() => pick(r, [])).toThrow(RangeError);
    expect(chance(r, 0)).toBe(false);
    expect(chance(r, 1)).toBe(true);
  });
});

describe('seededUuidV7', () => {
  const ms = Date.parse('2026-05-13T05:00:00Z');

  it('has the UUIDv7 layout with the timestamp in the first 48 bits', () => {
    const r = mulberry32(1);
    for (let i = 0; i < 200; i++) {
      const id = seededUuidV7(r, ms);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(ms);
    }
  });

  it('is repeatable and unique within a run', () => {
    const a = mulberry32(3);
    const b = mulberry32(3);
    const idsA = Array.from({ length: 5000 }, () => seededUuidV7(a, ms));
    expect(Array.from({ length: 5000 }, () => seededUuidV7(b, ms))).toEqual(idsA);
    expect(new Set(idsA).size).toBe(idsA.length);
  });

  it('sorts by time across milliseconds', () => {
    const r = mulberry32(4);
    expect(seededUuidV7(r, ms) < seededUuidV7(r, ms + 1)).toBe(true);
  });
});
