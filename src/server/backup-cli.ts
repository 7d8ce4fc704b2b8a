/**
 * `npm run backup -- --out <file>` and `npm run restore -- --in <file> [--erasures <ledger>]`: the
 * backup of the configured store (DATA_DIR's PGlite or DATABASE_URL) to a JSON file, and its
 * restore into an empty server, applying a newer server's erasure ledger again;
 * `npm run erasures -- --out <file>` writes that ledger (ids and dates only). Messages are Polish / English and never carry data from the file or database:
 * a refused file is reported by JSON path and code only. Exit codes: 0 done, 1 failed,
 * 2 bad arguments, 3 the file is not a valid backup, 4 the target is not empty, 78 bad configuration.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ledgerOf, parseLedger, type ErasureLedger } from './backup/erasure-ledger';
import { backupToFile, restoreFromFile } from './backup/files';
import { pickOrganization } from './backup/write-backup';
import { ConfigError, EX_CONFIG, formatConfigError, loadConfig, type Config } from './config';
import { errorCode } from './logger';
import { describeStore, openStore, type Store } from './store';
import { DATA_DIR_LOCKED } from './store/pglite-store';

const USAGE = [
  'Użycie / usage:',
  '  npm run backup -- --out <plik.json> [--organization <id>]',
  '  npm run restore -- --in <plik.json> [--erasures <rejestr-usunięć.json>]',
  '  npm run erasures -- --out <rejestr-usunięć.json> [--organization <id>]',
].join('\n');

function readConfig(): Config | null {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(formatConfigError(error));
      return null;
    }
    throw error;
  }
}

const ORGANIZATION_MESSAGES: Record<string, string> = {
  noOrganization: 'baza jest pusta: nie ma czego archiwizować / the database is empty: nothing to back up',
  severalOrganizations: 'w bazie jest kilka organizacji: wskaż jedną opcją --organization / several organizations: choose one with --organization',
  unknownOrganization: 'nie ma organizacji o tym identyfikatorze / no organization has this id',
};

/** Exit code 1 with the message of an organization that cannot be chosen; other errors go on. */
function organizationFailure(error: unknown): number {
  const code = error instanceof Error ? error.message : '';
  if (!(code in ORGANIZATION_MESSAGES)) throw error;
  console.error(`Obecni: ${ORGANIZATION_MESSAGES[code]}`);
  return 1;
}

/** Opens the configured store, or explains why not (a running server holds PGlite's files). */
async function open(config: Config): Promise<Store | null> {
  try {
    return await openStore(config);
  } catch (error) {
    if (errorCode(error) === DATA_DIR_LOCKED) {
      console.error(`Obecni: katalog danych (${describeStore(config)}) jest używany przez działający serwer; zatrzymaj go na czas kopii lub odtwarzania. / The data directory is in use by a running server; stop it for the backup or restore.`);
      return null;
    }
    console.error(`Obecni: nie można otworzyć bazy danych / cannot open the database (${describeStore(config)}): ${errorCode(error)}`);
    return null;
  }
}

async function backup(config: Config, out: string, organizationId: string | undefined): Promise<number> {
  const store = await open(config);
  if (!store) return 1;
  try {
    const summary = await backupToFile(store, out, { nowMs: Date.now(), ...(organizationId ? { organizationId } : {}) });
    const records = Object.values(summary.counts.records).reduce((a, b) => a + b, 0);
    console.log(`Obecni: kopia zapisana / backup written: ${out} (${records} rekordów / records, ${summary.counts.history} wpisów historii / history rows, ${summary.counts.users} kont / accounts) z / from ${describeStore(config)}`);
    return 0;
  } catch (error) {
    return organizationFailure(error);
  } finally {
    await store.close();
  }
}

/** Writes the erasure ledger (ids and dates only) of the organization to `out`. */
async function erasures(config: Config, out: string, organizationId: string | undefined): Promise<number> {
  const store = await open(config);
  if (!store) return 1;
  try {
    const org = await store.backup.snapshot((snapshot) => pickOrganization(snapshot, organizationId));
    const ledger = await ledgerOf(store, Date.now(), org.id);
    writeFileSync(out, `${JSON.stringify(ledger, null, 1)}\n`, { mode: 0o600 });
    console.log(`Obecni: rejestr usunięć zapisany / erasure ledger written: ${out} (${ledger.erasures.length})`);
    return 0;
  } catch (error) {
    return organizationFailure(error);
  } finally {
    await store.close();
  }
}

/** Reads a ledger file, or says why not (path and code, never a value). */
function readLedgerFile(path: string): ErasureLedger | number {
  if (!existsSync(path)) {
    console.error(`Obecni: nie ma pliku / no such file: ${path}`);
    return 2;
  }
  const parsed = parseLedger(readFileSync(path, 'utf8'));
  if (parsed.ok) return parsed.ledger;
  console.error('Obecni: plik nie jest rejestrem usunięć Obecni; nic nie zostało zapisane. / The file is not an Obecni erasure ledger; nothing was written.');
  for (const issue of parsed.issues) console.error(`  ${issue.path || '(plik / file)'}: ${issue.code}`);
  return 3;
}

async function restore(config: Config, input: string, ledgerPath: string | undefined): Promise<number> {
  if (!existsSync(input)) {
    console.error(`Obecni: nie ma pliku / no such file: ${input}`);
    return 2;
  }
  const ledger = ledgerPath === undefined ? undefined : readLedgerFile(ledgerPath);
  if (typeof ledger === 'number') return ledger;
  const store = await open(config);
  if (!store) return 1;
  try {
    const result = await restoreFromFile(store, input, { nowMs: Date.now(), ...(ledger ? { ledger } : {}) });
    if (result.ok) {
      console.log(`Obecni: odtworzono kopię / backup restored into ${describeStore(config)}: ${result.counts.records} rekordów / records, ${result.counts.history} wpisów historii / history rows, ${result.counts.users} kont / accounts.`);
      if (result.erased > 0) console.log(`Usunięto ponownie osoby usunięte po wykonaniu kopii / erased again after the backup: ${result.erased}.`);
      console.log('Urządzenia muszą zalogować się ponownie i pobiorą wszystko od nowa. / Devices must sign in again and will resync in full.');
      return 0;
    }
    if (result.reason === 'notEmpty') {
      console.error(`Obecni: baza docelowa (${describeStore(config)}) nie jest pusta; nic nie zostało zmienione. Odtwarzaj tylko do pustej bazy. / The target database is not empty; nothing was changed. Restore only into an empty database.`);
      return 4;
    }
    if (result.reason === 'otherOrganization') {
      console.error('Obecni: rejestr usunięć dotyczy innej organizacji niż kopia; nic nie zostało zapisane. / The erasure ledger is of another organization than the backup; nothing was written.');
      return 3;
    }
    console.error('Obecni: plik nie jest poprawną kopią Obecni; nic nie zostało zapisane. / The file is not a valid Obecni backup; nothing was written.');
    for (const issue of result.issues) console.error(`  ${issue.path || '(plik / file)'}: ${issue.code}`);
    if (result.moreIssues > 0) console.error(`  … i ${result.moreIssues} więcej / and ${result.moreIssues} more`);
    return 3;
  } finally {
    await store.close();
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  let values: { out?: string; in?: string; organization?: string; erasures?: string };
  try {
    values = parseArgs({ args: rest, options: { out: { type: 'string' }, in: { type: 'string' }, organization: { type: 'string' }, erasures: { type: 'string' } }, strict: true }).values;
  } catch {
    console.error(USAGE);
    return 2;
  }
  const writes = (command === 'backup' || command === 'erasures') && values.out && !values.in && !values.erasures;
  if (!(writes || (command === 'restore' && values.in && !values.out && !values.organization))) {
    console.error(USAGE);
    return 2;
  }
  const config = readConfig();
  if (!config) return EX_CONFIG;
  if (command === 'erasures') return erasures(config, values.out as string, values.organization);
  return command === 'backup' ? backup(config, values.out as string, values.organization) : restore(config, values.in as string, values.erasures);
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(`Obecni: błąd / failed: ${errorCode(error)}`);
  process.exit(1);
});
