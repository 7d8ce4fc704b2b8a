/**
 * `npm run backup -- --out <file>`, `npm run restore -- --in <file> [--erasures <ledger>]` and
 * `npm run erasures -- --out <file>`: the backup of the configured store (DATA_DIR's PGlite or
 * DATABASE_URL) to a file, encrypted in the age format with a passphrase or for recipients' keys
 * (plain JSON only with --plain); its restore into an empty server, applying a newer server's
 * erasure ledger again; and that ledger (ids and dates only). Messages are Polish / English and
 * never carry data from the file or database, nor keys: a refused file is reported by JSON path
 * and code only. Exit codes: 0 done, 1 failed, 2 bad arguments or keys, 3 the file is not a valid
 * backup (or ledger), 4 the target is not empty, 5 the file cannot be decrypted (no key, a wrong
 * one, or damaged; nothing changed), 78 bad configuration.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KeyOptionError, backupEncryption, restoreKeys, type KeyOptions } from './backup/cli-keys';
import { BackupDecryptError, backupFileKind, checkDecryption, type BackupDecryption, type BackupEncryption, type DecryptFailure } from './backup/encryption';
import { ledgerOf, parseLedger, type ErasureLedger } from './backup/erasure-ledger';
import { backupToFile, restoreFromFile } from './backup/files';
import { pickOrganization } from './backup/write-backup';
import { ConfigError, EX_CONFIG, formatConfigError, loadConfig, type Config } from './config';
import { errorCode } from './logger';
import { describeStore, openStore, type Store } from './store';
import { DataDirError, restrictNewFileModes } from './store/data-dir';
import { DATA_DIR_LOCKED } from './store/pglite-store';

const USAGE = [
  'Użycie / usage:',
  '  npm run backup -- --out <plik.json.age> [--organization <id>] [--recipient age1… | --recipients-file <plik> | --passphrase-file <plik> | --plain]',
  '  npm run restore -- --in <plik> [--identity <plik klucza> | --passphrase-file <plik>] [--erasures <rejestr-usunięć.json>]',
  '  npm run erasures -- --out <rejestr-usunięć.json> [--organization <id>]',
  '  (hasło także w zmiennej / passphrase also in OBECNI_BACKUP_PASSPHRASE, or typed at the terminal)',
].join('\n');

const DECRYPT_MESSAGES: Record<DecryptFailure, string> = {
  needsKey: 'kopia jest zaszyfrowana: podaj hasło (OBECNI_BACKUP_PASSPHRASE lub --passphrase-file) albo klucz (--identity) / the backup is encrypted: give its passphrase (OBECNI_BACKUP_PASSPHRASE or --passphrase-file) or key (--identity)',
  wrongKey: 'hasło lub klucz nie pasuje do tej kopii / the passphrase or key does not open this backup',
  damaged: 'zaszyfrowany plik jest uszkodzony lub zmieniony / the encrypted file is damaged or was changed',
};

function decryptFailed(failure: DecryptFailure): number {
  console.error(`Obecni: ${DECRYPT_MESSAGES[failure]}; nic nie zostało zmienione. / Nothing was changed.`);
  return 5;
}

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
    if (error instanceof DataDirError) console.error(`Obecni: ${error.message}`);
    else console.error(`Obecni: nie można otworzyć bazy danych / cannot open the database (${describeStore(config)}): ${errorCode(error)}`);
    return null;
  }
}

const ENCRYPTION_WORDS: Record<BackupEncryption['kind'], string> = {
  passphrase: 'zaszyfrowana hasłem (age) / encrypted with a passphrase (age)',
  recipients: 'zaszyfrowana kluczem odbiorcy (age) / encrypted for the recipients (age)',
  plain: 'NIEZASZYFROWANA (--plain) / NOT ENCRYPTED (--plain)',
};

async function backup(config: Config, out: string, organizationId: string | undefined, encryption: BackupEncryption): Promise<number> {
  const store = await open(config);
  if (!store) return 1;
  try {
    const summary = await backupToFile(store, out, { nowMs: Date.now(), encryption, ...(organizationId ? { organizationId } : {}) });
    const records = Object.values(summary.counts.records).reduce((a, b) => a + b, 0);
    console.log(`Obecni: kopia zapisana / backup written: ${out}, ${ENCRYPTION_WORDS[encryption.kind]} (${records} rekordów / records, ${summary.counts.history} wpisów historii / history rows, ${summary.counts.users} kont / accounts) z / from ${describeStore(config)}`);
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

async function restore(config: Config, input: string, options: KeyOptions, ledgerPath: string | undefined): Promise<number> {
  if (!existsSync(input)) {
    console.error(`Obecni: nie ma pliku / no such file: ${input}`);
    return 2;
  }
  const ledger = ledgerPath === undefined ? undefined : readLedgerFile(ledgerPath);
  if (typeof ledger === 'number') return ledger;
  let keys: BackupDecryption | undefined;
  if ((await backupFileKind(input)) === 'age') {
    // The key is checked before the target is opened (a new DATA_DIR would be created): a wrong one changes nothing.
    try {
      keys = await restoreKeys(options, process.env);
      await checkDecryption(input, keys);
    } catch (error) {
      if (error instanceof BackupDecryptError) return decryptFailed(error.reason);
      if (!(error instanceof KeyOptionError)) throw error;
      console.error(`Obecni: ${error.message}`);
      return 2;
    }
  }
  const store = await open(config);
  if (!store) return 1;
  try {
    const result = await restoreFromFile(store, input, { nowMs: Date.now(), ...(keys ? { keys } : {}), ...(ledger ? { ledger } : {}) });
    if (result.ok) {
      console.log(`Obecni: odtworzono kopię / backup restored into ${describeStore(config)}: ${result.counts.records} rekordów / records, ${result.counts.history} wpisów historii / history rows, ${result.counts.users} kont / accounts.`);
      if (result.erased > 0) console.log(`Usunięto ponownie osoby usunięte po wykonaniu kopii / erased again after the backup: ${result.erased}.`);
      console.log('Urządzenia muszą zalogować się ponownie i pobiorą wszystko od nowa. / Devices must sign in again and will resync in full.');
      return 0;
    }
    if (result.reason === 'cannotDecrypt') return decryptFailed(result.failure);
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
  // The backup file and a restored DATA_DIR hold health data and password hashes: this user only.
  restrictNewFileModes();
  const [command, ...rest] = process.argv.slice(2);
  let values: KeyOptions & { out?: string; in?: string; organization?: string; erasures?: string };
  try {
    values = parseArgs({
      args: rest, strict: true,
      options: {
        out: { type: 'string' }, in: { type: 'string' }, organization: { type: 'string' }, plain: { type: 'boolean' },
        recipient: { type: 'string', multiple: true }, 'recipients-file': { type: 'string' }, 'passphrase-file': { type: 'string' },
        identity: { type: 'string', multiple: true }, erasures: { type: 'string' },
      },
    }).values;
  } catch {
    console.error(USAGE);
    return 2;
  }
  const backupOnly = values.organization !== undefined || values.plain || values.recipient || values['recipients-file'] !== undefined;
  const writesBackup = command === 'backup' && values.out && !values.in && !values.identity && !values.erasures;
  const writesLedger = command === 'erasures' && values.out && !values.in && !values.identity && !values.erasures && !values.plain && !values.recipient && values['recipients-file'] === undefined && values['passphrase-file'] === undefined;
  if (!(writesBackup || writesLedger || (command === 'restore' && values.in && !values.out && !backupOnly))) {
    console.error(USAGE);
    return 2;
  }
  const config = readConfig();
  if (!config) return EX_CONFIG;
  if (command === 'restore') return restore(config, values.in as string, values, values.erasures);
  if (command === 'erasures') return erasures(config, values.out as string, values.organization);
  let encryption: BackupEncryption;
  try {
    encryption = await backupEncryption(values, process.env);
  } catch (error) {
    if (!(error instanceof KeyOptionError)) throw error;
    console.error(`Obecni: ${error.message}`);
    return 2;
  }
  return backup(config, values.out as string, values.organization, encryption);
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(`Obecni: błąd / failed: ${errorCode(error)}`);
  process.exit(1);
});
