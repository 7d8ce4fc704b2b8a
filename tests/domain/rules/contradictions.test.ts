// Issue 13, point 4: the driver marked "Nie ma w domu" for a person the therapist had marked present,
// and nothing said so. The rule that finds such pairs, as a table, and its decision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contradictionOf, markContradictions } from '../../../src/domain/rules/contradictions';
import { TRANSPORT_EVENT_KINDS, transportEventId, type TransportEvent, type TransportEventKind } from '../../../src/domain/entities/transport-event';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../src/domain/entities/attendance';
import { formatHlc } from '../../../src/domain/hlc';
import { mark, meta } from './fixtures';

const DAY = '2026-12-07';
function event(participantId: string, kind: TransportEventKind, time: string, over: Partial<TransportEvent> = {}): TransportEvent {
  return { ...meta(transportEventId('r-1', participantId, DAY)), routeId: 'r-1', unitId: 'unit-1', participantId, day: DAY, kind, time, ...over };
}

describe('contradictionOf', () => {
  it.each([
    ['present', 'notHome', 'driverAway'],
    ['present', 'cancelled', 'driverAway'],
    ['present', 'pickedUp', null],
    ['present', 'droppedOff', null],
    ['absent', 'pickedUp', 'driverCame'],
    ['excused', 'droppedOff', 'driverCame'],
    ['absent', 'notHome', null],
    ['excused', 'cancelled', null],
  ] as const)('mark %s, driver %s: %s', (status, kind, expected) => {
    expect(contradictionOf({ status }, { kind })).toBe(expected);
  });
});

describe('markContradictions', () => {
  const present = mark('p-ala', DAY, 'present');
  const notHome = event('p-ala', 'notHome', '07:40');

  it('finds the therapist’s "present" against the driver’s "not at home", with both records', () => {
    const found = markContradictions([present], [notHome], DAY);
    expect(found).toEqual([{ kind: 'driverAway', participantId: 'p-ala', day: DAY, mark: present, event: notHome }]);
  });

  it('finds nothing when the two agree, when one is missing, deleted or of another day', () => {
    expect(markContradictions([mark('p-ala', DAY, 'absent')], [notHome], DAY)).toEqual([]);
    expect(markContradictions([], [notHome], DAY)).toEqual([]);
    expect(markContradictions([present], [], DAY)).toEqual([]);
    expect(markContradictions([{ ...present, deleted: true }], [notHome], DAY)).toEqual([]);
    expect(markContradictions([present], [{ ...notHome, deleted: true }], DAY)).toEqual([]);
    expect(markContradictions([present], [{ ...notHome, day: '2026-12-08' }], DAY)).toEqual([]);
  });

  it('a mark kept against the driver’s mark is decided, until the driver marks again', () => {
    const kept = { ...present, keptAgainst: notHome.hlc };
    expect(markContradictions([kept], [notHome], DAY)).toEqual([]);
    const again = { ...notHome, kind: 'cancelled' as const, hlc: formatHlc({ wall: 1_767_225_700_000, counter: 0, device: 'bus' }) };
    expect(markContradictions([kept], [again], DAY).map((c) => c.kind)).toEqual(['driverAway']);
  });

  it('orders by the driver’s time', () => {
    const found = markContradictions(
      [present, mark('p-bob', DAY, 'absent')],
      [event('p-bob', 'pickedUp', '07:10', { id: 'te:r-1:p-bob' }), notHome], DAY);
    expect(found.map((c) => [c.participantId, c.kind])).toEqual([['p-bob', 'driverCame'], ['p-ala', 'driverAway']]);
  });

  it('(property) reports a pair exactly when the two sources disagree and nobody decided', () => {
    fc.assert(fc.property(
      fc.constantFrom<AttendanceStatus>(...ATTENDANCE_STATUSES), fc.constantFrom<TransportEventKind>(...TRANSPORT_EVENT_KINDS), fc.boolean(),
      (status, kind, decided) => {
        const e = event('p-x', kind, '08:00');
        const m = { ...mark('p-x', DAY, status), keptAgainst: decided ? e.hlc : null };
        const disagree = (status === 'present') !== (kind === 'pickedUp' || kind === 'droppedOff');
        expect(markContradictions([m], [e], DAY).length).toBe(disagree && !decided ? 1 : 0);
      }));
  });
});
