/** Small statistics for benchmarks: median and percentiles of samples in milliseconds. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 2 : 1)} ms`;
}

/** One line of the report: a name, figures, and whether the target holds. */
export function line(name: string, figures: string, target?: { ok: boolean; text: string }): string {
  const verdict = target ? `  [${target.ok ? 'OK' : 'MISSED'}: ${target.text}]` : '';
  return `  ${name.padEnd(46)} ${figures}${verdict}`;
}

/** Timing options of an in-process benchmark: unmeasured warm-up runs (JIT), then measured samples. */
export interface SampleOptions { warmup: number; samples: number }

/**
 * Times `fn` in this process: `warmup` unmeasured runs, then `samples` measured ones, in ms.
 * What `fn` returns is kept (its length summed), so the engine cannot drop the work as unused.
 */
export function sample(fn: () => { length: number }, opts: SampleOptions = { warmup: 5, samples: 30 }): number[] {
  let sink = 0;
  for (let i = 0; i < opts.warmup; i++) sink += fn().length;
  const out: number[] = [];
  for (let i = 0; i < opts.samples; i++) {
    const start = performance.now();
    sink += fn().length;
    out.push(performance.now() - start);
  }
  if (sink < 0) console.log(sink);
  return out;
}
