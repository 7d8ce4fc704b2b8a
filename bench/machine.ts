/** The machine a benchmark ran on, printed at the top of every report. */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

export function machineInfo(): string {
  const cpu = cpus();
  let chromium = 'not found';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as not found
  }
  return [
    `machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    `node ${process.version}, ${chromium}`,
    `date: ${new Date().toISOString()}`,
  ].join('\n');
}
