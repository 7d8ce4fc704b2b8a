/**
 * Hybrid logical clock stamps. A stamp is a string that sorts in causal order:
 * `<wall ms, 13 digits>-<counter, 4 base-36 digits>-<device id>`.
 * "now" is always a parameter: the domain never reads the clock.
 */
import * as v from 'valibot';

export type Hlc = string;

export const HlcSchema = v.pipe(v.string(), v.regex(/^\d{13}-[0-9a-z]{4}-[A-Za-z0-9_-]{1,64}$/, 'invalidHlc'));

export interface HlcParts { wall: number; counter: number; device: string }

const MAX_COUNTER = 36 ** 4 - 1;

export function formatHlc({ wall, counter, device }: HlcParts): Hlc {
  return `${String(wall).padStart(13, '0')}-${counter.toString(36).padStart(4, '0')}-${device}`;
}

export function parseHlc(stamp: Hlc): HlcParts {
  const wall = Number(stamp.slice(0, 13));
  const counter = parseInt(stamp.slice(14, 18), 36);
  return { wall, counter, device: stamp.slice(19) };
}

/** Orders two stamps; ties on time and counter are broken by device id, so the order is total. */
export function compareHlc(a: Hlc, b: Hlc): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The next local stamp after `last` at wall time `nowMs`. */
export function tickHlc(last: Hlc | null, nowMs: number, device: string): Hlc {
  if (!last) return formatHlc({ wall: nowMs, counter: 0, device });
  const prev = parseHlc(last);
  if (nowMs > prev.wall) return formatHlc({ wall: nowMs, counter: 0, device });
  if (prev.counter >= MAX_COUNTER) return formatHlc({ wall: prev.wall + 1, counter: 0, device });
  return formatHlc({ wall: prev.wall, counter: prev.counter + 1, device });
}

/** Advances the local clock past a stamp received from elsewhere. */
export function receiveHlc(local: Hlc | null, remote: Hlc, nowMs: number, device: string): Hlc {
  const r = parseHlc(remote);
  const l = local ? parseHlc(local) : { wall: 0, counter: 0, device };
  const wall = Math.max(nowMs, r.wall, l.wall);
  let counter = 0;
  if (wall === r.wall && wall === l.wall) counter = Math.max(r.counter, l.counter) + 1;
  else if (wall === r.wall) counter = r.counter + 1;
  else if (wall === l.wall) counter = l.counter + 1;
  if (counter > MAX_COUNTER) return formatHlc({ wall: wall + 1, counter: 0, device });
  return formatHlc({ wall, counter, device });
}
