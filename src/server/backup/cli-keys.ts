/**
 * Where `npm run backup` and `npm run restore` take their keys from: a passphrase from
 * OBECNI_BACKUP_PASSPHRASE, from a file (`--passphrase-file`, its first line) or typed at a
 * terminal (not echoed; twice for a backup); recipients' public keys (`--recipient age1…`,
 * `--recipients-file`); identities for a restore (`--identity <file>`, as age-keygen writes them).
 * Keys and passphrases are never printed.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { MIN_PASSPHRASE_LENGTH, type BackupDecryption, type BackupEncryption } from './encryption';

export const PASSPHRASE_VARIABLE = 'OBECNI_BACKUP_PASSPHRASE';

/** A refusal of the given keys, with its Polish / English message (exit code 2). */
export class KeyOptionError extends Error {}

export interface KeyOptions {
  plain?: boolean;
  recipient?: string[];
  'recipients-file'?: string;
  'passphrase-file'?: string;
  identity?: string[];
}

/** The non-empty lines of a key file, without age-keygen's `#` comments. */
function keyLines(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new KeyOptionError(`nie można odczytać pliku klucza / cannot read the key file: ${path}`);
  }
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

function passphraseFromFile(path: string): string {
  try {
    return readFileSync(path, 'utf8').split(/\r?\n/)[0] ?? '';
  } catch {
    throw new KeyOptionError(`nie można odczytać pliku z hasłem / cannot read the passphrase file: ${path}`);
  }
}

/** Asks for a passphrase at the terminal without echoing it. */
async function promptHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  process.stderr.write(question);
  // readline echoes what is typed through _writeToOutput; silence it for the passphrase.
  (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => undefined;
  try {
    return await new Promise<string>((done) => rl.question('', done));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

const canPrompt = () => process.stdin.isTTY && process.stderr.isTTY;

/** The passphrase given by file or variable, or null. */
function givenPassphrase(options: KeyOptions, env: NodeJS.ProcessEnv): string | null {
  if (options['passphrase-file'] !== undefined) return passphraseFromFile(options['passphrase-file']);
  const fromEnv = env[PASSPHRASE_VARIABLE];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : null;
}

/** How `npm run backup` encrypts, from its options: recipients, else a passphrase, else plain only with --plain. */
export async function backupEncryption(options: KeyOptions, env: NodeJS.ProcessEnv): Promise<BackupEncryption> {
  const recipients = [...(options.recipient ?? []), ...(options['recipients-file'] !== undefined ? keyLines(options['recipients-file']) : [])];
  if (options.plain) {
    if (recipients.length > 0 || options['passphrase-file'] !== undefined) throw new KeyOptionError('--plain wyklucza klucze i hasło / --plain excludes keys and passphrases');
    return { kind: 'plain' };
  }
  if (recipients.length > 0) {
    if (options['passphrase-file'] !== undefined) throw new KeyOptionError('podaj odbiorców albo hasło, nie oba / give recipients or a passphrase, not both');
    const bad = recipients.find((r) => !/^age1[0-9a-z]+$/.test(r));
    if (bad !== undefined) throw new KeyOptionError('odbiorca musi być kluczem publicznym age (age1…) / a recipient must be an age public key (age1…)');
    return { kind: 'recipients', recipients };
  }
  let passphrase = givenPassphrase(options, env);
  if (passphrase === null && canPrompt()) {
    passphrase = await promptHidden('Hasło kopii / backup passphrase: ');
    if ((await promptHidden('Powtórz hasło / repeat the passphrase: ')) !== passphrase) throw new KeyOptionError('hasła się różnią / the passphrases differ');
  }
  if (passphrase === null) {
    throw new KeyOptionError(`kopia jest szyfrowana: podaj hasło (${PASSPHRASE_VARIABLE} lub --passphrase-file) albo klucz odbiorcy (--recipient age1…); jawny JSON tylko z --plain / `
      + `backups are encrypted: give a passphrase (${PASSPHRASE_VARIABLE} or --passphrase-file) or a recipient (--recipient age1…); plain JSON only with --plain`);
  }
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new KeyOptionError(`hasło kopii musi mieć co najmniej ${MIN_PASSPHRASE_LENGTH} znaków / the backup passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
  return { kind: 'passphrase', passphrase };
}

/** The keys `npm run restore` tries on an encrypted file; asks at the terminal when none was given and one can. */
export async function restoreKeys(options: KeyOptions, env: NodeJS.ProcessEnv): Promise<BackupDecryption> {
  const identities = (options.identity ?? []).flatMap(keyLines);
  const passphrase = givenPassphrase(options, env);
  const passphrases = passphrase !== null ? [passphrase] : [];
  if (identities.length === 0 && passphrases.length === 0 && canPrompt()) passphrases.push(await promptHidden('Hasło kopii / backup passphrase: '));
  return { passphrases, identities };
}
