/**
 * `npm run bench`: the speed figures the issues ask for, printed with the machine they ran on.
 * Benchmarks are never part of `npm test` (no timing assertions there: machines are noisy).
 * `npm run bench -- plan` runs one suite (plan: in process; attendance, register, reports, initial-sync:
 * built app in Chromium, initial-sync also replicating the same records with PouchDB, a dev-only
 * dependency; load: 200 devices and autocannon against a server process, `npm run bench -- load --quick`
 * for 1 minute; flood: health while one device floods the server, without and with the cap on its calls
 * in flight, `--quick` for 8 s per run).
 */
import { attendanceBench } from './attendance.bench';
import { floodBench } from './flood.bench';
import { initialSyncBench } from './initial-sync.bench';
import { loadBench } from './load.bench';
import { machineInfo } from './machine';
import { planBench } from './plan.bench';
import { registerBench } from './register.bench';
import { reportsBench } from './reports.bench';

// In-process suites first: they need no build and no browser.
const SUITES: Record<string, () => Promise<string[]>> = {
  plan: planBench,
  attendance: attendanceBench,
  register: registerBench,
  reports: reportsBench,
  'initial-sync': initialSyncBench,
  load: loadBench,
  flood: floodBench,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
console.log(machineInfo());
for (const [name, suite] of Object.entries(SUITES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log('');
  const started = Date.now();
  for (const l of await suite()) console.log(l);
  console.log(`  (${name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
