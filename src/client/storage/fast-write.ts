/**
 * The fast path of a single tap (issue 3: a tick should cost little more than one IndexedDB put).
 *
 * The general write path (write.ts) reads the stored row, the day's notice and the device's HLC
 * inside its transaction, which costs several round trips to the IndexedDB process. Here those
 * reads come from memory instead: {@link primeDay} loads the HLC, the day's marks and the absence
 * notices in one read-only transaction, so a tap can merge, stamp and validate its record before
 * any transaction opens. Then one read-write transaction issues, all at once, two checks (the HLC
 * in `meta` and the stored row) and three puts (the row, its outbox entry, the new HLC).
 *
 * Why that is safe: every write of a synced record, by any tab and by pull-apply, moves `meta.hlc`
 * forward in the same transaction (see db.ts). If the two reads show the HLC and the row that the
 * memory copy was read with, nothing the merge depended on has changed, and the puts commit with
 * them. If either moved, the transaction is aborted from the read's success handler (IndexedDB
 * rolls back every request of an aborted transaction, so nothing is half-written) and the caller
 * runs the general path, which reads everything again. Correctness never depends on the memory
 * copy being current: only how often the fast path is taken does.
 *
 * The transaction is a plain IndexedDB one (Dexie's transaction machinery alone costs about a
 * bare put), so Dexie is told about the change afterwards: live queries in this tab re-run
 * (and drop their cached results), and other tabs hear it on Dexie's BroadcastChannel.
 */
import Dexie, { RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import type { AbsenceNotice, EntityMap, EntityName } from '../../domain';
import type { AppDB, MetaRow } from './db';
import { toStorageError } from './errors';
import { mergeChange, type Change, type WriteContext } from './write';

/** Dexie's cross-tab and in-tab "storage mutated" channel (Dexie 4: `x-storagemutated-1`). */
const DEXIE_MUTATED = 'x-storagemutated-1';

/** The tables a tap reads or writes on the attendance day. */
const DAY_ENTITIES = ['dayMarks', 'sessionMarks'] as const satisfies readonly EntityName[];
const WATCHED = new Set<string>([...DAY_ENTITIES, 'absenceNotices', 'meta']);

type Row = Record<string, unknown>;

interface MemoryCopy {
  /** `meta.hlc` as of the copy, null when never set; undefined: no usable copy. */
  hlc: string | null | undefined;
  /** Rows by `entity\0id` (the primed day's marks and every row this tab wrote since). */
  rows: Map<string, Row>;
  /** Every absence notice by participant. */
  notices: Map<string, AbsenceNotice[]>;
  /** The day to keep loaded. */
  day: { unitId: string; day: string } | null;
  /** Bumped by every change of the copy: a load that started before a change is discarded. */
  generation: number;
  unsubscribe: () => void;
}

const copies = new WeakMap<AppDB, MemoryCopy>();

function key(entity: string, id: string): string {
  return `${entity}\u0000${id}`;
}

function copyOf(db: AppDB): MemoryCopy {
  const existing = copies.get(db);
  if (existing) return existing;
  const copy: MemoryCopy = { hlc: undefined, rows: new Map(), notices: new Map(), day: null, generation: 0, unsubscribe: () => undefined };
  // Any other write of what the copy holds (a pulled page, another tab, the general path) makes
  // the copy unusable until it is loaded again. Our own notifications are not heard here.
  const listener = (parts: ObservabilitySet) => {
    if (notifying) return;
    const prefix = `idb://${db.name}/`;
    const touched = Object.keys(parts).some((part) => part.startsWith(prefix) && WATCHED.has(part.slice(prefix.length).split('/')[0] ?? ''));
    if (!touched) return;
    copy.hlc = undefined;
    copy.generation += 1;
    scheduleLoad(db, copy);
  };
  Dexie.on('storagemutated', listener);
  copy.unsubscribe = () => Dexie.on.storagemutated.unsubscribe(listener);
  db.on('close', () => copy.unsubscribe());
  copies.set(db, copy);
  return copy;
}

let notifying = false;

function scheduleLoad(db: AppDB, copy: MemoryCopy): void {
  const day = copy.day;
  if (!day) return;
  setTimeout(() => {
    if (copy.hlc === undefined && copy.day === day) void load(db, copy).catch(() => undefined);
  }, 0);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Loads the HLC, the day's marks and all notices in one read-only transaction. */
async function load(db: AppDB, copy: MemoryCopy): Promise<void> {
  const day = copy.day;
  if (!day || !db.isOpen()) return;
  const started = copy.generation;
  const tx = db.backendDB().transaction([...DAY_ENTITIES, 'absenceNotices', 'meta'], 'readonly');
  const [hlcRow, notices, ...marks] = await Promise.all([
    request<MetaRow | undefined>(tx.objectStore('meta').get('hlc')),
    request<AbsenceNotice[]>(tx.objectStore('absenceNotices').getAll()),
    ...DAY_ENTITIES.map((e) => request<Row[]>(tx.objectStore(e).index('[unitId+day]').getAll([day.unitId, day.day]))),
  ]);
  if (copy.generation !== started || copy.day !== day) return;
  copy.rows = new Map();
  DAY_ENTITIES.forEach((entity, i) => {
    for (const row of marks[i] ?? []) copy.rows.set(key(entity, row.id as string), row);
  });
  copy.notices = new Map();
  for (const notice of notices) {
    const list = copy.notices.get(notice.participantId);
    if (list) list.push(notice);
    else copy.notices.set(notice.participantId, [notice]);
  }
  copy.hlc = (hlcRow?.value as string | undefined) ?? null;
}

/**
 * Keeps the attendance day of a unit in memory for the fast path (the screen calls this when it
 * shows a day). Resolves when loaded; a failure only means taps take the general path.
 */
export async function primeDay(db: AppDB, unitId: string, day: string): Promise<void> {
  const copy = copyOf(db);
  if (copy.day?.unitId === unitId && copy.day.day === day && copy.hlc !== undefined) return;
  copy.day = { unitId, day };
  copy.hlc = undefined;
  copy.generation += 1;
  try {
    await load(db, copy);
  } catch {
    // The general path still works.
  }
}

/** What this tab knows of a row and the notices of a person, or undefined when it cannot answer. */
export interface MemoryRead {
  /** The stored row (null: none stored, as far as the copy knows; the write checks it). */
  row: Row | null;
  notices: AbsenceNotice[];
}

/** The stored row `entity`/`id` and the notices of `participantId` from memory, when loaded. */
export function readFromMemory(db: AppDB, entity: EntityName, id: string, participantId: string): MemoryRead | undefined {
  const copy = copies.get(db);
  if (!copy || copy.hlc === undefined) return undefined;
  return { row: copy.rows.get(key(entity, id)) ?? null, notices: copy.notices.get(participantId) ?? [] };
}

/** The keys a put changes in each index of its table (old and new values), as Dexie tracks them. */
function mutatedParts(db: AppDB, table: string, primaryKey: IndexableType, rows: readonly (Row | null | undefined)[], parts: ObservabilitySet): void {
  const prefix = `idb://${db.name}/${table}/`;
  parts[prefix] = new RangeSet().addKey(primaryKey);
  for (const index of db.table(table).schema.indexes) {
    if (index.keyPath === undefined) continue;
    const keyPath = index.keyPath;
    const keys = rows.filter((r): r is Row => !!r).map((r) => Dexie.getByKeyPath(r, keyPath) as IndexableType | undefined).filter((k): k is IndexableType => k !== undefined);
    if (keys.length > 0) parts[`${prefix}${index.name}`] = new RangeSet().addKeys(keys);
  }
}

/**
 * Tells Dexie what a plain transaction changed, as if Dexie had written it: first as the event
 * Dexie raises for a change from another tab (which also drops the cached query results the
 * change affects, so live queries read again instead of answering from Dexie's cache), then as a
 * local change, which Dexie passes on to the other tabs over its BroadcastChannel.
 */
function notifyDexie(parts: ObservabilitySet): void {
  notifying = true;
  try {
    if (typeof dispatchEvent === 'function') dispatchEvent(new CustomEvent(DEXIE_MUTATED, { detail: parts }));
    Dexie.on.storagemutated.fire(parts);
  } finally {
    notifying = false;
  }
}

/** The fast path's answer: the stored record, or "stale" (run the general path). */
export type FastResult = { ok: true; stored: EntityMap[EntityName] } | { ok: false; stale: true };

const STALE: FastResult = { ok: false, stale: true };

/**
 * Writes one change merged with `expected` (the stored row as {@link readFromMemory} gave it) in
 * one transaction with its outbox entry and the new HLC, if the row and the HLC are still what
 * memory says; otherwise writes nothing and resolves stale. Throws RecordValidationError for an
 * invalid record and StorageError when IndexedDB fails (nothing is written then either).
 */
export function writeFast(db: AppDB, ctx: WriteContext, change: Change, expected: Row | null): Promise<FastResult> {
  const copy = copies.get(db);
  if (!copy || copy.hlc === undefined) return Promise.resolve(STALE);
  const lastHlc = copy.hlc;
  const merged = mergeChange(ctx, change, expected ?? undefined, lastHlc);
  // "Nothing to write" is only as true as memory: let the general path decide it from disk.
  if (merged.kind !== 'write') return Promise.resolve(STALE);
  const { record, entry, hlc } = merged;
  const generation = copy.generation;
  let tx: IDBTransaction;
  try {
    tx = db.backendDB().transaction([change.entity, 'outbox', 'meta'], 'readwrite');
  } catch {
    return Promise.resolve(STALE); // closed or upgrading: the general path reports it properly
  }
  return new Promise<FastResult>((resolve, reject) => {
    let stale = false;
    const check = (same: boolean) => {
      if (same || stale) return;
      stale = true;
      try {
        tx.abort();
      } catch {
        // already finished: cannot happen before the puts' events, but never throw from here
      }
    };
    let added: IDBRequest<IDBValidKey>;
    try {
      const meta = tx.objectStore('meta');
      const rows = tx.objectStore(change.entity);
      const hlcRead = meta.get('hlc');
      hlcRead.onsuccess = () => check(((hlcRead.result as MetaRow | undefined)?.value ?? null) === lastHlc);
      const rowRead = rows.get(change.id);
      rowRead.onsuccess = () => check(sameRow(rowRead.result as Row | undefined, expected));
      rows.put(record);
      added = tx.objectStore('outbox').add(entry);
      meta.put({ key: 'hlc', value: hlc } satisfies MetaRow);
    } catch (error) {
      // A request that cannot even be queued (a value that cannot be stored): undo the others.
      tx.onabort = null;
      try {
        tx.abort();
      } catch {
        // nothing was queued
      }
      reject(toStorageError(error));
      return;
    }
    tx.oncomplete = () => {
      if (copy.generation === generation) {
        copy.hlc = hlc;
        copy.rows.set(key(change.entity, change.id), record as unknown as Row);
      }
      resolve({ ok: true, stored: record });
      const parts: ObservabilitySet = {};
      mutatedParts(db, change.entity, change.id, [expected, record as unknown as Row], parts);
      mutatedParts(db, 'outbox', added.result as number, [entry as unknown as Row], parts);
      mutatedParts(db, 'meta', 'hlc', [], parts);
      // After the caller has shown the tick: live queries re-reading is not part of the tap.
      setTimeout(() => notifyDexie(parts), 0);
    };
    tx.onabort = () => {
      if (stale) {
        // What memory said is no longer true: load it again for the next tap.
        copy.hlc = undefined;
        copy.generation += 1;
        scheduleLoad(db, copy);
        resolve(STALE);
      } else {
        reject(toStorageError(tx.error ?? new DOMException('aborted', 'AbortError')));
      }
    };
  });
}

function sameRow(stored: Row | undefined, expected: Row | null): boolean {
  if (!stored || !expected) return !stored && !expected;
  return stored.hlc === expected.hlc && JSON.stringify(stored) === JSON.stringify(expected);
}
