/**
 * The clock rule of sync (issue 13): a stamp may not come from the future. Last writer wins by
 * stamp, so one change stamped ahead of real time (a tablet whose date is set years ahead, or a
 * forged `9999999999999-…` stamp) would beat every later correction for as long as the future
 * lasts. The server refuses a stamp more than a tolerance ahead of its own clock; the device
 * keeps its offset to the server's clock, stamps and counts "today" with the corrected time, and
 * never moves its clock to a received stamp that is ahead of the corrected time by more than the
 * tolerance. One home for the rule: the server's push, the device's engine, its pull and push
 * answers and the repair command all ask these functions. "Now" is always a parameter.
 */
import { formatHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '../hlc';

/** How far ahead of the server's clock a stamp may be (the server's default; CLOCK_AHEAD_TOLERANCE_SECONDS). */
export const DEFAULT_CLOCK_TOLERANCE_MS = 5 * 60_000;

/** From this difference on, the device tells its user that its clock is wrong. */
export const CLOCK_WARNING_MS = 2 * 60_000;

/** True when `stamp` is more than `toleranceMs` ahead of `nowMs`. */
export function stampAhead(stamp: Hlc, nowMs: number, toleranceMs: number): boolean {
  return parseHlc(stamp).wall > nowMs + toleranceMs;
}

/**
 * The offset of the server's clock to the device's (add it to the device's clock to get the
 * server's), from one answer: the server read its clock between `sentAtMs` and `receivedAtMs`
 * (the device's clock), so the best guess is the middle of the round trip.
 */
export function clockOffset(serverTimeMs: number, sentAtMs: number, receivedAtMs: number): number {
  return Math.round(serverTimeMs - (sentAtMs + receivedAtMs) / 2);
}

/**
 * A stamp made with the device's uncorrected clock, moved by `offsetMs` to the corrected time
 * (counter and device kept): a change made offline before the device knew its offset keeps its
 * place in real time.
 */
export function shiftStamp(stamp: Hlc, offsetMs: number): Hlc {
  const parts = parseHlc(stamp);
  return formatHlc({ ...parts, wall: Math.max(0, parts.wall + offsetMs) });
}

/**
 * The device's clock after receiving `remote`, as receiveHlc, except that neither a received
 * stamp nor the device's own last stamp ahead of `nowMs` (the corrected time) by more than
 * `toleranceMs` is adopted: such a stamp would make every later change of this device carry the
 * future time. A local stamp so far ahead (written before the device knew its offset) is dropped.
 */
export function receiveWithin(local: Hlc | null, remote: Hlc | null, nowMs: number, device: string, toleranceMs: number): Hlc {
  const kept = local !== null && !stampAhead(local, nowMs, toleranceMs) ? local : null;
  if (remote === null || stampAhead(remote, nowMs, toleranceMs)) return tickHlc(kept, nowMs, device);
  return receiveHlc(kept, remote, nowMs, device);
}

/**
 * New stamps for a device's unsent changes, given in write order. Each stamp `pick` chooses is
 * moved by `shiftMs` and never past `nowMs` (the corrected time); the result keeps the write
 * order (a later change of the same device still wins over its earlier one) and no two stamps of
 * a device are equal. The others are returned as they are.
 */
export function restampInOrder(stamps: readonly Hlc[], shiftMs: number, nowMs: number, pick: (stamp: Hlc, index: number) => boolean): Hlc[] {
  let previous: Hlc | null = null;
  return stamps.map((stamp, index) => {
    let next = stamp;
    if (pick(stamp, index)) {
      const { wall, device } = parseHlc(stamp);
      const last: Hlc | null = previous !== null && parseHlc(previous).device === device ? previous : null;
      next = tickHlc(last, Math.min(Math.max(0, wall + shiftMs), nowMs), device);
    }
    previous = next;
    return next;
  });
}

/**
 * The device's next stamp for a change made at `nowMs` (the corrected time): after `last`, unless
 * `last` is ahead of it by more than the tolerance (a clock once set ahead, or a future stamp
 * adopted before this rule): then from `nowMs` again, so the future is not carried on.
 */
export function nextLocalStamp(last: Hlc | null, nowMs: number, device: string): Hlc {
  return receiveWithin(last, null, nowMs, device, DEFAULT_CLOCK_TOLERANCE_MS);
}
