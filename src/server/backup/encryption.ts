/**
 * Encryption of backup files in the age format (age-encryption.org/v1), with the `age-encryption`
 * package: a backup holds every participant's PESEL and health data and the accounts' password
 * hashes, so it is encrypted unless the administrator asks for plain JSON. Either with a
 * passphrase (age's scrypt recipient) or for one or more recipients' public keys (`age1…`), so the
 * standard `age` tool decrypts it as well (`age -d -i key.txt`, or `age -d` asking for the
 * passphrase). Both ways stream: the JSON is never held whole in memory, nor written in clear.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Decrypter, Encrypter } from 'age-encryption';

/** How a backup file is written: encrypted with a passphrase, for recipients, or plain JSON (only when asked for by name). */
export type BackupEncryption =
  | { kind: 'passphrase'; passphrase: string; /** log2 of scrypt's N: 18 (age's default) unless a test asks for less */ workFactor?: number }
  | { kind: 'recipients'; recipients: string[] }
  | { kind: 'plain' };

/** What a restore may try on an encrypted file: a passphrase and/or identities (`AGE-SECRET-KEY-1…`). */
export interface BackupDecryption { passphrases: string[]; identities: string[] }

/** The shortest backup passphrase accepted (age's own advice: 8–10 random characters at least). */
export const MIN_PASSPHRASE_LENGTH = 12;

/** Why an encrypted backup could not be read; the messages carry no data from the file. */
export type DecryptFailure = 'needsKey' | 'wrongKey' | 'damaged';

export class BackupDecryptError extends Error {
  constructor(readonly reason: DecryptFailure) {
    super(reason);
    this.name = 'BackupDecryptError';
  }
}

const AGE_MAGIC = 'age-encryption.org/v1\n';
const ARMOR_MAGIC = '-----BEGIN AGE ENCRYPTED FILE-----';

/** 'age' when the file at `path` is an age file (binary or armored), 'plain' otherwise. */
export async function backupFileKind(path: string): Promise<'age' | 'plain'> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(ARMOR_MAGIC.length), 0, ARMOR_MAGIC.length, 0);
    const start = buffer.subarray(0, bytesRead).toString('latin1');
    return start.startsWith(AGE_MAGIC) || start.startsWith(ARMOR_MAGIC) ? 'age' : 'plain';
  } finally {
    await handle.close();
  }
}

function encrypter(encryption: Exclude<BackupEncryption, { kind: 'plain' }>): Encrypter {
  const e = new Encrypter();
  if (encryption.kind === 'passphrase') {
    e.setPassphrase(encryption.passphrase);
    if (encryption.workFactor !== undefined) e.setScryptWorkFactor(encryption.workFactor);
  } else {
    for (const recipient of encryption.recipients) e.addRecipient(recipient);
  }
  return e;
}

/**
 * A writer of text that reaches `sink` as bytes, encrypted unless `encryption` is plain.
 * `write` waits while the sink is busy; `end` flushes the last chunk and the tag.
 */
export async function encryptingWriter(encryption: BackupEncryption, sink: (bytes: Uint8Array) => Promise<void>): Promise<{ write: (text: string) => Promise<void>; end: () => Promise<void> }> {
  const encoder = new TextEncoder();
  if (encryption.kind === 'plain') return { write: (text) => sink(encoder.encode(text)), end: async () => undefined };
  const plain = new TransformStream<Uint8Array, Uint8Array>();
  const writer = plain.writable.getWriter();
  const encrypted = await encrypter(encryption).encrypt(plain.readable);
  const pump = (async () => {
    for await (const chunk of encrypted as unknown as AsyncIterable<Uint8Array>) await sink(chunk);
  })();
  // A failure of the sink ends the pump; writes after it must not wait forever.
  const failed = pump.then(() => undefined, (error: unknown) => { throw error; });
  failed.catch(() => undefined);
  return {
    write: (text) => Promise.race([writer.write(encoder.encode(text)), failed]),
    async end() {
      await Promise.race([writer.close(), failed]);
      await pump;
    },
  };
}

function decrypter(keys: BackupDecryption): Decrypter {
  const d = new Decrypter();
  for (const passphrase of keys.passphrases) d.addPassphrase(passphrase);
  for (const identity of keys.identities) d.addIdentity(identity);
  return d;
}

/** The library's words for "none of your keys opens this file" (a wrong passphrase or key). */
const NO_MATCH = /no identity matched/i;

/**
 * The decrypted content of the age file at `path`, in chunks. The header (and so the key) is
 * checked before the first chunk: a wrong passphrase or key throws BackupDecryptError('wrongKey'),
 * a file cut or changed anywhere throws 'damaged' (at the latest at its end: each 64 KiB chunk is
 * authenticated, and the last one is marked as last).
 */
export async function* decryptedChunks(path: string, keys: BackupDecryption): AsyncGenerator<Buffer> {
  if (keys.passphrases.length === 0 && keys.identities.length === 0) throw new BackupDecryptError('needsKey');
  const input = Readable.toWeb(createReadStream(path, { highWaterMark: 1024 * 1024 })) as unknown as ReadableStream<Uint8Array>;
  let plain: AsyncIterable<Uint8Array>;
  try {
    plain = (await decrypter(keys).decrypt(input)) as unknown as NodeReadableStream<Uint8Array>;
  } catch (error) {
    throw new BackupDecryptError(error instanceof Error && NO_MATCH.test(error.message) ? 'wrongKey' : 'damaged');
  }
  try {
    for await (const chunk of plain) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  } catch {
    throw new BackupDecryptError('damaged');
  }
}

/** Checks that `keys` open the age file at `path` (its header only), before anything is changed. */
export async function checkDecryption(path: string, keys: BackupDecryption): Promise<void> {
  const chunks = decryptedChunks(path, keys);
  try {
    await chunks.next();
  } finally {
    await chunks.return(undefined);
  }
}
