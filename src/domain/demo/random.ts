/**
 * A small seeded random source for the demo centre. Everything the generator invents comes from
 * one of these, so the same seed always gives the same centre, byte for byte (tests and benchmarks
 * rely on it). Not for anything secret.
 */

/** A random number in [0, 1). */
export type Rand = () => number;

/** The mulberry32 generator: fast, 32-bit state, good enough for invented data. */
export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer from `min` to `max`, both included. */
export function randInt(rand: Rand, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** True with probability `p`. */
export function chance(rand: Rand, p: number): boolean {
  return rand() < p;
}

/** One element of a non-empty list. */
export function pick<T>(rand: Rand, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new RangeError('emptyList');
  return item;
}

/** One value of a list of `[value, weight]` pairs, in proportion to the weights. */
export function weighted<T>(rand: Rand, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  const last = table[table.length - 1];
  if (!last) throw new RangeError('emptyList');
  return last[0];
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(rand: Rand, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function u32(rand: Rand): number {
  return Math.floor(rand() * 4294967296) >>> 0;
}

/**
 * A UUIDv7-format id (RFC 9562: 48-bit millisecond timestamp, version 7, variant 10) whose random
 * bits come from `rand`: pure and repeatable, unlike a real v7 generator.
 */
export function seededUuidV7(rand: Rand, ms: number): string {
  const ts = hex(Math.max(0, Math.floor(ms)) % 2 ** 48, 12);
  const a = u32(rand);
  const b = u32(rand);
  const c = u32(rand);
  const verRand = 0x7000 | (a & 0x0fff);
  const variant = 0x8000 | ((a >>> 12) & 0x3fff);
  return `${ts.slice(0, 8)}-${ts.slice(8)}-${hex(verRand, 4)}-${hex(variant, 4)}-${hex(b, 8)}${hex(c & 0xffff, 4)}`;
}
