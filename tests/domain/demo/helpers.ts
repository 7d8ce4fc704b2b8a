// Typed access to a generated demo centre for the demo tests.
import { generateDemoCentre, type DemoCentre, type DemoOptions } from '../../../src/domain/demo/generate';
import type { EntityMap, EntityName } from '../../../src/domain/entities/registry';
import type { Unit } from '../../../src/domain/entities/unit';

export interface Centre {
  demo: DemoCentre;
  opts: DemoOptions;
  all<E extends EntityName>(entity: E): EntityMap[E][];
  unit(kind: Unit['kind']): Unit;
}

const cache = new Map<string, Centre>();

/** Generates (once per options) and wraps a demo centre. */
export function centre(opts: DemoOptions): Centre {
  const key = JSON.stringify(opts);
  const hit = cache.get(key);
  if (hit) return hit;
  const demo = generateDemoCentre(opts);
  const byEntity = new Map<EntityName, unknown[]>();
  for (const r of demo.records) {
    const list = byEntity.get(r.entity) ?? [];
    list.push(r.data);
    byEntity.set(r.entity, list);
  }
  const c: Centre = {
    demo, opts,
    all: <E extends EntityName>(entity: E) => (byEntity.get(entity) ?? []) as EntityMap[E][],
    unit: (kind) => {
      const u = (byEntity.get('units') as Unit[]).find((x) => x.kind === kind);
      if (!u) throw new Error(`no unit ${kind}`);
      return u;
    },
  };
  cache.set(key, c);
  return c;
}

/** Options used by most tests: a Wednesday in May, generated at 07:00 Warsaw time. */
export const BASE: DemoOptions = { seed: 20260513, today: '2026-05-13', nowMs: Date.parse('2026-05-13T05:00:00Z') };

/** A spread of "todays": mid-week, just after New Year (history over Christmas), a Saturday, a public holiday, 29 February. */
export const SCENARIOS: DemoOptions[] = [
  BASE,
  { seed: 7, today: '2026-01-07', nowMs: Date.parse('2026-01-07T06:30:00Z') },
  { seed: 99, today: '2025-08-30', nowMs: Date.parse('2025-08-30T08:00:00Z'), historyMonths: 4 },
  { seed: 3, today: '2026-11-11', nowMs: Date.parse('2026-11-11T09:00:00Z') },
  { seed: 2028, today: '2028-02-29', nowMs: Date.parse('2028-02-29T07:00:00Z'), historyMonths: 2 },
];
