// `npm run audit:prod`: the production dependencies (what `npm ci --omit=dev` installs and the
// server runs) against the npm registry's advisories. Exit 0: no high or critical advisory;
// 1: at least one (listed); 2: the advisory service could not be asked (no network, a mirror
// without the audit endpoint) -- a gate that could not look must not pass.
// Not part of `npm test`: it needs the registry's advisory service, and its answer changes with
// new advisories, not with this code. Run it before each release and weekly (docs/operations.md).
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  console.error('audit:prod: the advisory service did not answer; nothing was checked.');
  if (report?.statusCode) console.error(`  the advisory service answered HTTP ${report.statusCode}`);
  else if (report?.error?.summary) console.error(`  ${report.error.summary}`);
  else if (run.error) console.error(`  npm could not run: ${run.error.code ?? run.error.name}`);
  process.exit(2);
}
const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
console.log(`audit:prod: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low (production dependencies only)`);
for (const [name, v] of serious) {
  const fix = v.fixAvailable === true ? 'fix: npm audit fix' : v.fixAvailable ? `fix: ${v.fixAvailable.name}@${v.fixAvailable.version}` : 'no fix yet';
  console.log(`  ${v.severity.padEnd(8)} ${name} ${v.range} (${fix})`);
}
process.exit(serious.length > 0 ? 1 : 0);
