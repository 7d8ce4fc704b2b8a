/**
 * The body of a pull answer, built as text. A record the caller receives whole (every field of a
 * unit they work in, or anything for an administrator) goes out as the JSON text the database
 * holds, spliced into the page unparsed; only records cut down for the caller's role (drivers,
 * kitchen) and the few placed otherwise than by `unitId` (see `recordUnits`) are parsed and shaped by `shapeChange`. The unit
 * rule is checked once more here, as `shapeChange` does, and a change that fails it is dropped.
 */
import type { PulledChange } from '../../protocol';
import { parseRawChange } from '../store/sync-store';
import type { RawChange, RawPullPage } from '../store/store';
import { UNITS_NOT_BY_FIELD } from './access';
import { shapeChange, type PullScope } from './scope';

/** A change as the text of one element of `changes`, or null when the caller may not see it. */
function changeJson(scope: PullScope, c: RawChange): string | null {
  if (c.json !== null && scope.fields[c.entity] === null && !UNITS_NOT_BY_FIELD.has(c.entity)
    && (scope.all || (c.unitId !== null && scope.units.has(c.unitId)))) {
    return `{"seq":${c.seq},"entity":${JSON.stringify(c.entity)},"recordId":${JSON.stringify(c.recordId)},"data":${c.json},"deleted":${c.deleted}}`;
  }
  const shaped: PulledChange | null = shapeChange(scope, parseRawChange(c));
  return shaped ? JSON.stringify(shaped) : null;
}

/**
 * The JSON text of the pull answer for `page` (with the server's time, `serverTimeMs`), and how
 * many changes were dropped by the second check.
 */
export function pullPageJson(scope: PullScope, page: RawPullPage, serverTimeMs: number): { body: string; dropped: RawChange[] } {
  const parts: string[] = [];
  const dropped: RawChange[] = [];
  for (const c of page.changes) {
    const text = changeJson(scope, c);
    if (text === null) dropped.push(c);
    else parts.push(text);
  }
  return { body: `{"changes":[${parts.join(',')}],"cursor":${page.cursor},"hasMore":${page.hasMore},"serverTimeMs":${serverTimeMs}}`, dropped };
}
