/**
 * Structured logs: one JSON line per event. Callers pass an event name and a few fields chosen
 * to carry no personal data (route patterns, status codes, error codes), never bodies, names,
 * tokens or query strings: the logs of a social-assistance server end up in many places.
 */
import type { LogLevel } from './config';

/** Safe, flat values only: no objects, so nobody logs a whole request by accident. */
export type LogFields = Record<string, string | number | boolean | null>;

export interface Logger {
  error(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  debug(event: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** A logger writing JSON lines at `level` and above through `write` (stdout by default). */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (lvl: LogLevel) => (event: string, fields: LogFields = {}) => {
    if (RANK[lvl] > RANK[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, event, ...fields }));
  };
  return { error: emit('error'), warn: emit('warn'), info: emit('info'), debug: emit('debug') };
}

/** A logger that keeps its lines in memory (tests read them to prove what is and is not logged). */
export function createMemoryLogger(level: LogLevel = 'debug'): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { ...createLogger(level, (line) => lines.push(line)), lines };
}

/** A loggable code for an error: the database's SQLSTATE or the error's class, never its message. */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z0-9_]{1,40}$/i.test(code)) return code;
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return 'unknown';
}
