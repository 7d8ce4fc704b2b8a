/**
 * The per-field rule of sync, in one place: which value of a field wins. Every layer that merges
 * (the device's write path and tap, the pull overlay, the server's merge and its write policy)
 * asks these functions rather than comparing stamps itself.
 *
 * - A real value wins by stamp: last writer wins per field, by HLC (stamps sort as strings).
 * - A create-only default (`ifAbsent`) fills a field nobody has set and never replaces one,
 *   whatever the stamps. Where it applies it is stamped with the lowest stamp (time 0), so any
 *   real value wins over it in either order of arrival.
 * - A record holding nothing but defaults may be deleted as defaults (`onlyDefaults`): the undo
 *   of a bulk fill-in never erases a value somebody chose.
 */
import * as v from 'valibot';
import { formatHlc, HlcSchema, parseHlc, type Hlc } from '../hlc';

/** The lowest stamp of the device that made `hlc`: what an applied create-only default is stamped with. */
export function defaultStamp(hlc: Hlc): Hlc {
  return formatHlc({ wall: 0, counter: 0, device: parseHlc(hlc).device });
}

/** True for a stamp a create-only default (or a delete of defaults) was given. */
export function isDefaultStamp(stamp: Hlc): boolean {
  return parseHlc(stamp).wall === 0;
}

/**
 * Whether an incoming value of a field replaces what the record holds: `held` is the stamp that
 * last set the field (undefined: never set). A field nobody set takes any value; a create-only
 * default takes nothing else; a real value takes the field when its stamp is newer.
 */
export function takesField(held: Hlc | undefined, incoming: Hlc, createOnly: boolean): boolean {
  if (held === undefined) return true;
  return !createOnly && incoming > held;
}

/** The stamp of a field a create-only default applies with: the lowest one, else the change's own. */
export function stampOfField(incoming: Hlc, createOnly: boolean): Hlc {
  return createOnly ? defaultStamp(incoming) : incoming;
}

/** True when no field of a record was set by anybody but as a default (`deleted` aside). */
export function holdsOnlyDefaults(fieldHlc: Readonly<Record<string, Hlc>>): boolean {
  return Object.entries(fieldHlc).every(([field, stamp]) => field === 'deleted' || isDefaultStamp(stamp));
}

/** The later of two stamps (a record's stamp is the highest of its fields'). */
export function laterStamp(a: Hlc, b: Hlc): Hlc {
  return a > b ? a : b;
}

/** The newest well-formed stamp among `stamps` (anything else is skipped), or null when there is none. */
export function newestStamp(stamps: Iterable<unknown>): Hlc | null {
  let newest: Hlc | null = null;
  for (const stamp of stamps) {
    if (typeof stamp === 'string' && v.is(HlcSchema, stamp) && (newest === null || stamp > newest)) newest = stamp;
  }
  return newest;
}

/** Equal as stored values (records are JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * True when a live `row` still holds every one of `values` (what a bulk fill-in set): only then
 * is the undo of that fill-in a delete of it.
 */
export function holdsValues(row: Readonly<Record<string, unknown>>, values: Readonly<Record<string, unknown>>): boolean {
  return row.deleted !== true && Object.entries(values).every(([field, value]) => sameValue(row[field], value));
}

/** True when `record` has its own field `field` (a stored row or a stamp map). */
export function hasField(record: Readonly<Record<string, unknown>>, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, field);
}
