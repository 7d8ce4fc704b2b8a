/**
 * `npm run bench`: the speed figures the issues ask for, printed with the machine they ran on.
 * Benchmarks are never part of `npm test` (no timing assertions there: machines are noisy).
 * `npm run bench -- plan` runs one suite (plan: in process; attendance, register, initial-sync: built app
 * in Chromium; initial-sync also replicates the same records with PouchDB, a dev-only dependency).
 */
import { attendanceBench } from './attendance.bench';
import { initialSyncBench } from './initial-sync.bench';
import { machineInfo } from './machine';
import { planBench } from './plan.bench';
import { registerBench } from './register.bench';

// In-process suites first: they need no build and no browser.
const SUITES: Record<string, () => Promise<string[]>> = {
  plan: planBench,
  attendance: attendanceBench,
  register: registerBench,
  'initial-sync': initialSyncBench,
};

const wanted = process.argv.slice(2);
console.log(machineInfo());
for (const [name, suite] of Object.entries(SUITES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log('');
  const started = Date.now();
  for (const l of await suite()) console.log(l);
  console.log(`  (${name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
