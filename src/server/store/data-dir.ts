/**
 * DATA_DIR holds the embedded database: every participant's PESEL, phone number and health data
 * lands in its files (and in the write-ahead log) in clear. Only the server's own system user may
 * read it. PGlite writes most of its files with mode 0666 whatever the process umask, so the
 * server (1) sets the umask 077 at start, (2) creates DATA_DIR with mode 0700, (3) tightens an
 * existing DATA_DIR it owns (the directory to 0700, every file in it to 0600) at each open and
 * close of the database, and (4) refuses to start, naming the directory and the fix, when it
 * cannot. Inside a 0700 directory a file PGlite creates while running is out of other users' reach
 * until the next tightening.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** The umask of the server and the backup commands: new files and directories for their owner only. */
export const PRIVATE_UMASK = 0o077;

/** Makes every file and directory this process creates from now on private to its user. */
export function restrictNewFileModes(): void {
  process.umask(PRIVATE_UMASK);
}

/** Thrown when DATA_DIR cannot be made private; the message says what to do (no data in it). */
export class DataDirError extends Error {
  readonly code = 'DATA_DIR_NOT_PRIVATE';
  constructor(readonly dataDir: string, readonly reason: 'notDirectory' | 'cannotRestrict') {
    super(reason === 'notDirectory'
      ? `DATA_DIR (${dataDir}) nie jest katalogiem / is not a directory`
      : `DATA_DIR (${dataDir}) jest dostępny dla innych użytkowników, a serwer nie może tego zmienić (nie jest właścicielem). Uruchom: chown -R <użytkownik serwera> ${dataDir} && chmod -R go-rwx ${dataDir} / `
        + `DATA_DIR is open to other users and the server cannot restrict it (it is not the owner). Run: chown -R <server user> ${dataDir} && chmod -R go-rwx ${dataDir}`);
    this.name = 'DataDirError';
  }
}

/** The file-system calls used here (tests replace chmod to play a directory the server does not own). */
export interface DataDirFs { chmod: (path: string, mode: number) => void }
const realFs: DataDirFs = { chmod: chmodSync };

const GROUP_OTHER = 0o077;

/** Removes group and other permissions from `path` when it has any. Symbolic links are left alone. */
function restrict(path: string, stats: Stats, dataDir: string, fs: DataDirFs): void {
  if (stats.isSymbolicLink() || (stats.mode & GROUP_OTHER) === 0) return;
  try {
    fs.chmod(path, stats.isDirectory() ? 0o700 : stats.mode & 0o700);
  } catch {
    throw new DataDirError(dataDir, 'cannotRestrict');
  }
}

/** Restricts `dir` and everything under it to its owner (directories 0700, files at most 0600 plus the owner's x bit). */
export function restrictTree(dir: string, fs: DataDirFs = realFs, dataDir = dir): void {
  // DATA_DIR itself may be a link to the real directory; links inside it are never followed.
  const stats = dir === dataDir ? statSync(dir) : lstatSync(dir);
  restrict(dir, stats, dataDir, fs);
  if (!stats.isDirectory()) return;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const s = lstatSync(path);
    if (s.isDirectory()) restrictTree(path, fs, dataDir);
    else restrict(path, s, dataDir, fs);
  }
}

/**
 * Creates DATA_DIR with mode 0700 when missing, else checks it is a directory and restricts it and
 * its content to the owner. Throws DataDirError when that is impossible.
 */
export function secureDataDir(dataDir: string, fs: DataDirFs = realFs): void {
  let stats: Stats | null = null;
  try {
    stats = statSync(dataDir);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  if (stats === null) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return;
  }
  if (!stats.isDirectory()) throw new DataDirError(dataDir, 'notDirectory');
  restrictTree(dataDir, fs);
}
