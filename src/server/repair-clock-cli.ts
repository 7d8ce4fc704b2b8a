/**
 * `npm run repair-clock [-- --organization <id>]`: re-stamps at the server's now the records a
 * device stamped in the future before the server refused such stamps (issue 13; see
 * sync/clock-repair.ts), in the configured store (DATA_DIR's PGlite or DATABASE_URL). Every
 * organization unless one is named. Messages are Polish / English and carry counts only.
 * Exit codes: 0 done, 1 failed, 2 bad arguments, 78 bad configuration.
 */
import { parseArgs } from 'node:util';
import { EX_CONFIG, loadCliConfig } from './config';
import { errorCode } from './logger';
import { describeStore, openStore } from './store';
import { DATA_DIR_LOCKED } from './store/pglite-store';
import { repairFutureStamps } from './sync/clock-repair';

const USAGE = 'Użycie / usage: npm run repair-clock [-- --organization <id>]';

async function main(argv: string[]): Promise<number> {
  let organization: string | undefined;
  try {
    organization = parseArgs({ args: argv, options: { organization: { type: 'string' } }, strict: true }).values.organization;
  } catch {
    console.error(USAGE);
    return 2;
  }
  const config = loadCliConfig(process.env);
  if (!config) return EX_CONFIG;
  let store;
  try {
    store = await openStore(config);
  } catch (error) {
    if (errorCode(error) === DATA_DIR_LOCKED) {
      console.error(`Obecni: katalog danych (${describeStore(config)}) jest używany przez działający serwer; zatrzymaj go na czas naprawy. / The data directory is in use by a running server; stop it for the repair.`);
      return 1;
    }
    throw error;
  }
  try {
    const all = (await store.backup.snapshot((s) => s.organizations())).map((o) => o.id);
    const chosen = organization === undefined ? all : all.filter((id) => id === organization);
    if (organization !== undefined && chosen.length === 0) {
      console.error('Obecni: nie ma organizacji o tym identyfikatorze / no organization has this id');
      return 1;
    }
    for (const id of chosen) {
      const result = await repairFutureStamps(store, id, { nowMs: Date.now(), toleranceMs: config.clockToleranceSeconds * 1000 });
      const records = Object.values(result.records).reduce((a, b) => a + b, 0);
      console.log(`Obecni: organizacja / organization ${id}: naprawiono / repaired ${records} rekordów / records, ${result.fields} znaczników pól / field stamps (${describeStore(config)})`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  console.error(`Obecni: naprawa zegara nie powiodła się / clock repair failed: ${errorCode(error)}`);
  process.exit(1);
});
