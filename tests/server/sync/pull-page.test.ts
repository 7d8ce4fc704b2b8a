// The pull answer built as text (records spliced in as the database holds them) says exactly what
// parsing each record and cutting it down with shapeChange says, for every role of the demo, and
// still drops a record outside the caller's units if the SQL filter ever let one through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../src/server/setup/demo';
import { parseRawChange } from '../../../src/server/store/sync-store';
import { openMemoryStore } from '../store/memory-store';
import type { RawChange, Store } from '../../../src/server/store/store';
import { pullPageJson } from '../../../src/server/sync/pull-page';
import { pullFilter, scopeFor, shapeChange } from '../../../src/server/sync/scope';

describe('pull page text', () => {
  let store: Store;
  let organizationId = '';

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    organizationId = (await loadDemo(store, { nowMs: Date.parse('2026-05-13T05:00:00Z') }))!.organizationId;
  });
  afterAll(() => store.close());

  it.each(['admin', 'koordynator', 'terapeuta', 'kierowca', 'kuchnia'])('equals the parsed and shaped changes for %s, page by page', async (login) => {
    const user = (await store.accounts.findUserByLogin(login))!;
    const scope = scopeFor(user);
    let since = 0;
    let seen = 0;
    for (;;) {
      const raw = await store.sync.pullRaw(organizationId, since, 700, pullFilter(scope, since));
      const { body, dropped } = pullPageJson(scope, raw, 1_796_000_000_000);
      const expected = raw.changes.map((c) => shapeChange(scope, parseRawChange(c))).filter((c) => c !== null);
      const page = JSON.parse(body) as { changes: unknown[]; cursor: number; hasMore: boolean };
      expect(page).toEqual({ changes: expected, cursor: raw.cursor, hasMore: raw.hasMore, serverTimeMs: 1_796_000_000_000 });
      expect(dropped).toEqual([]);
      seen += page.changes.length;
      since = raw.cursor;
      if (!raw.hasMore) break;
    }
    expect(seen).toBeGreaterThan(100);
  });

  it('drops a record of another unit even when the store returned it', async () => {
    const user = (await store.accounts.findUserByLogin('terapeuta'))!;
    const scope = scopeFor(user);
    const raw = await store.sync.pullRaw(organizationId, 0, 2000, pullFilter(scope, 0));
    const mark = raw.changes.find((c) => c.entity === 'dayMarks')!;
    const data = { ...(JSON.parse(mark.json!) as Record<string, unknown>), unitId: 'another-unit' };
    const stray: RawChange = { ...mark, json: JSON.stringify(data), unitId: 'another-unit' };
    const { body, dropped } = pullPageJson(scope, { changes: [stray, mark], cursor: mark.seq, hasMore: true }, 0);
    expect(dropped).toEqual([stray]);
    expect((JSON.parse(body) as { changes: { recordId: string }[] }).changes.map((c) => c.recordId)).toEqual([mark.recordId]);
  });
});
