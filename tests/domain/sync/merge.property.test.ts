/**
 * MERGE-PROP: properties of the per-field merge (src/domain/sync), the one rule the server's push
 * and the device's write path, tap and pull overlay all call. fast-check builds a stored room and
 * a batch of changes with distinct stamps from three devices: real edits of some fields, real
 * deletes, create-only defaults (`ifAbsent`) and deletes of defaults (`onlyDefaults`), and applies
 * them in random orders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultStamp, draftMerge, finishMerge, formatHlc, isDefaultStamp, mergeLocal, overlayPending,
  type Change, type IncomingChange, type PendingChange, type StampedRecord,
} from '../../../src/domain';

const RUNS = Number(process.env.FC_RUNS ?? (process.env.CI ? 1000 : 200));
const actor = { organizationId: 'org-1', userId: 'user-1' };
const FIELDS = ['name', 'capacity', 'isStudio'] as const;
type Field = (typeof FIELDS)[number];
const NAMES = ['Pracownia stolarska', 'Sala relaksu', 'Pracownia krawiecka'];

type Kind = 'real' | 'default' | 'delete' | 'defaultsDelete';
interface Spec { kind: Kind; device: string; patch: Partial<Record<Field, unknown>> }

const patchArb = fc.record({
  name: fc.constantFrom(...NAMES),
  capacity: fc.integer({ min: 1, max: 40 }),
  isStudio: fc.boolean(),
}, { requiredKeys: [] });

const specArb = (kinds: readonly Kind[]): fc.Arbitrary<Spec> => fc.record({
  kind: fc.constantFrom(...kinds),
  device: fc.constantFrom('a', 'b', 'c'),
  patch: patchArb,
});

/** The changes of `specs`, stamped at distinct times after the stored record's creation (time 1000). */
function changes(specs: readonly Spec[], walls: readonly number[]): IncomingChange[] {
  return specs.map((s, i) => {
    const hlc = formatHlc({ wall: 2000 + walls[i]!, counter: 0, device: s.device });
    const base = { entity: 'rooms' as const, recordId: 'room-1', hlc };
    if (s.kind === 'delete') return { ...base, patch: {}, deleted: true };
    if (s.kind === 'defaultsDelete') return { ...base, patch: {}, deleted: true, onlyDefaults: true };
    if (s.kind === 'default') return { ...base, patch: s.patch, deleted: false, ifAbsent: Object.keys(s.patch) };
    return { ...base, patch: s.patch, deleted: false };
  });
}

function apply(record: StampedRecord | null, m: IncomingChange): { record: StampedRecord | null; changed: boolean } {
  const draft = draftMerge(record, m, actor);
  if ('ok' in draft) throw new Error(`refused: ${draft.reason}`);
  const result = finishMerge(m, draft, record);
  if (!result.ok) throw new Error(`invalid: ${JSON.stringify(result.issues)}`);
  return result.changed ? { record: result.record, changed: true } : { record, changed: false };
}

/** The stored room: created at time 1000 with real values, or with create-only defaults (a fill-in). */
function created(asDefaults: boolean): StampedRecord {
  const patch = { unitId: 'unit-1', name: NAMES[0], isStudio: true, capacity: 10 };
  const m: IncomingChange = { entity: 'rooms', recordId: 'room-1', hlc: formatHlc({ wall: 1000, counter: 0, device: 'z' }), patch, deleted: false, ...(asDefaults ? { ifAbsent: Object.keys(patch) } : {}) };
  return apply(null, m).record!;
}

function applyAll(start: StampedRecord, ms: readonly IncomingChange[]): StampedRecord {
  return ms.reduce<StampedRecord>((r, m) => apply(r, m).record!, start);
}

/** Stamps with every default stamp written alike: which device's lowest stamp a field holds never decides anything. */
function comparable(r: StampedRecord) {
  const stamps = Object.fromEntries(Object.entries(r.fieldHlc).map(([f, s]) => [f, isDefaultStamp(s) ? 'default' : s]));
  const { hlc: _hlc, ...data } = r.data;
  return { data, stamps, deleted: r.deleted };
}

const batch = (kinds: readonly Kind[]) => fc.array(specArb(kinds), { minLength: 1, maxLength: 8 }).chain((specs) => fc.tuple(
  fc.constant(specs),
  fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: specs.length, maxLength: specs.length }),
  fc.boolean(),
  fc.func(fc.integer()),
));

/** `ms` in the order of the random keys `key` gives them. */
function shuffled<T>(ms: readonly T[], key: (i: number) => number): T[] {
  return ms.map((m, i) => ({ m, k: key(i) })).sort((x, y) => x.k - y.k).map((x) => x.m);
}

const ALL: Kind[] = ['real', 'default', 'delete', 'defaultsDelete'];

/**
 * A known limit of the rule, kept as it is (reported in the note of issue 20): on a record made
 * only of defaults, a delete of defaults and a change that sets no field for real (another
 * device's fill-in of defaults, or only `deleted: false`) give a result that depends on which
 * arrives first: the change first, and the delete erases it; the delete first, and the change
 * (stamped later than a default) brings the record back. Devices still converge on the server's
 * result. Such batches are left out of the order and idempotence properties.
 */
function knownLimit(specs: readonly Spec[], asDefaults: boolean): boolean {
  const setsNothingReal = (s: Spec) => s.kind === 'default' || (s.kind === 'real' && Object.keys(s.patch).length === 0);
  return asDefaults && specs.some((s) => s.kind === 'defaultsDelete') && specs.some(setsNothingReal);
}

describe('MERGE-PROP: the per-field merge of domain/sync', () => {
  it('MERGE-ORDER: any order of arrival gives the same record (distinct stamps)', () => {
    fc.assert(fc.property(batch(ALL), ([specs, walls, asDefaults, key]) => {
      const ms = changes(specs, walls);
      fc.pre(!knownLimit(specs, asDefaults));
      const start = created(asDefaults);
      expect(comparable(applyAll(start, shuffled(ms, key)))).toEqual(comparable(applyAll(start, ms)));
    }), { numRuns: RUNS });
  });

  it('MERGE-IDEMPOTENT: a change applied again changes nothing', () => {
    fc.assert(fc.property(batch(ALL), fc.nat(), ([specs, walls, asDefaults], pick) => {
      fc.pre(!knownLimit(specs, asDefaults));
      const ms = changes(specs, walls);
      const end = applyAll(created(asDefaults), ms);
      const again = apply(end, ms[pick % ms.length]!);
      expect(again.changed).toBe(false);
      expect(again.record).toEqual(end);
    }), { numRuns: RUNS });
  });

  it('MERGE-DEFAULTS-LOSE: a default never beats a real value, in either order', () => {
    fc.assert(fc.property(batch(['real', 'default']), ([specs, walls, asDefaults, key]) => {
      const ms = changes(specs, walls);
      const end = applyAll(created(asDefaults), shuffled(ms, key));
      for (const field of FIELDS) {
        const real = ms.filter((m) => !m.ifAbsent && field in m.patch).sort((x, y) => (x.hlc < y.hlc ? 1 : -1))[0];
        if (real) expect(end.data[field]).toEqual(real.patch[field]);
        // A field nobody set for real keeps the value it was created with.
        else if (asDefaults) expect(isDefaultStamp(end.fieldHlc[field]!)).toBe(true);
        else expect(end.data[field]).toEqual(created(false).data[field]);
      }
    }), { numRuns: RUNS });
  });

  it('MERGE-DEFAULTS-DELETE: a delete of defaults never erases a record holding a real value', () => {
    fc.assert(fc.property(batch(['real', 'defaultsDelete']), ([specs, walls, asDefaults, key]) => {
      const ms = changes(specs, walls);
      const hasReal = !asDefaults || ms.some((m) => !m.deleted && Object.keys(m.patch).length > 0);
      fc.pre(hasReal);
      const end = applyAll(created(asDefaults), shuffled(ms, key));
      expect(end.deleted).toBe(false);
      for (const m of ms.filter((x) => !x.deleted)) for (const field of Object.keys(m.patch)) expect(end.fieldHlc[field]! >= m.hlc).toBe(true);
    }), { numRuns: RUNS });
  });

  it('MERGE-DEFAULT-STAMP: an applied default carries the lowest stamp of its device', () => {
    const record = created(true);
    for (const field of ['unitId', 'name', 'isStudio', 'capacity']) expect(record.fieldHlc[field]).toBe(defaultStamp(record.hlc));
  });
});

describe('MERGE-PROP: the device side', () => {
  const writer = { deviceId: 'dev-a', userId: 'user-1', organizationId: 'org-1' };
  const stamp = () => formatHlc({ wall: 5000, counter: 0, device: 'dev-a' });
  const stored = { id: 'room-1', organizationId: 'org-1', unitId: 'unit-1', name: NAMES[1], isStudio: false, capacity: 12, hlc: formatHlc({ wall: 1000, counter: 0, device: 'z' }), changedBy: 'user-0', deleted: false };

  it('LOCAL-DEFAULTS: a create-only field never replaces what the stored row holds; a real one does', () => {
    fc.assert(fc.property(patchArb, fc.subarray([...FIELDS]), (patch, defaults) => {
      const change = { entity: 'rooms', id: 'room-1', patch, ifAbsent: defaults.filter((f) => f in patch) } as Change;
      const merged = mergeLocal(writer, change, stored, stamp);
      const record = merged.kind === 'write' ? (merged.record as unknown as Record<string, unknown>) : stored;
      for (const field of FIELDS) {
        const isDefault = defaults.includes(field);
        expect(record[field]).toEqual(field in patch && !isDefault ? patch[field] : stored[field]);
      }
      // Written once, the same change finds nothing left to write.
      if (merged.kind === 'write') expect(mergeLocal(writer, change, record, stamp).kind).toBe('unchanged');
    }), { numRuns: RUNS });
  });

  it('OVERLAY-DEFAULTS: unsent defaults never hide the server’s values; an unsent delete of defaults hides only what it set', () => {
    const pendingArb: fc.Arbitrary<PendingChange> = fc.oneof(
      fc.record({ patch: patchArb, defaults: fc.boolean() }).map(({ patch, defaults }) => ({ hlc: stamp(), patch, deleted: false, ...(defaults ? { ifAbsent: Object.keys(patch) } : {}) })),
      patchArb.map((values) => ({ hlc: stamp(), patch: {}, deleted: true, onlyDefaults: values })),
    );
    fc.assert(fc.property(fc.array(pendingArb, { maxLength: 4 }), (pending) => {
      const row = overlayPending(stored, pending);
      const real = pending.filter((p) => !p.deleted && !p.ifAbsent);
      for (const field of FIELDS) {
        const lastReal = real.filter((p) => field in p.patch).at(-1);
        expect(row[field]).toEqual(lastReal ? lastReal.patch[field] : stored[field]);
      }
      // A delete of defaults goes on top only where the row still holds exactly the values it undoes.
      const hides = pending.some((p, i) => p.onlyDefaults && Object.entries(p.onlyDefaults).every(([f, v]) => overlayPending(stored, pending.slice(0, i))[f] === v));
      if (!hides) expect(row.deleted).toBe(false);
    }), { numRuns: RUNS });
  });
});
