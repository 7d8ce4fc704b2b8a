// Prints the JavaScript the first page load needs (entry script + modulepreloads of index.html),
// gzip-compressed, and fails the build when it passes the budget (100 kB gzip). Lazy screens are
// listed apart: they load only when opened.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist/client';
const BUDGET = 100 * 1024;
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

let total = 0;
console.log('Initial JavaScript (gzip):');
for (const file of initial) {
  const size = gz(file);
  total += size;
  console.log(`  ${file.padEnd(48)} ${kb(size)}`);
}
const lazy = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`));
const lazyTotal = lazy.reduce((sum, f) => sum + gz(`assets/${f}`), 0);
console.log(`  total initial: ${kb(total)} (budget ${kb(BUDGET)}); lazy chunks: ${lazy.length}, ${kb(lazyTotal)}`);
if (initial.length === 0) {
  console.error('No entry script found in index.html');
  process.exit(1);
}
if (total > BUDGET) {
  console.error(`Initial JavaScript ${kb(total)} exceeds the ${kb(BUDGET)} budget`);
  process.exit(1);
}
