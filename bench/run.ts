/**
 * `npm run bench`: the speed figures the issues ask for, printed with the machine they ran on.
 * Benchmarks are never part of `npm test` (no timing assertions there: machines are noisy).
 * `npm run bench -- attendance` runs one suite.
 */
import { attendanceBench } from './attendance.bench';
import { machineInfo } from './machine';
import { registerBench } from './register.bench';

const SUITES: Record<string, () => Promise<string[]>> = {
  attendance: attendanceBench,
  register: registerBench,
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
