/**
 * Server configuration, read from the environment once at start and validated, so a typo in a
 * variable stops the server with a clear message instead of surfacing later as odd behaviour.
 * The message names every bad variable but never echoes DATABASE_URL (it may hold a password).
 */
import * as v from 'valibot';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The validated settings of one server process. */
export interface Config {
  port: number;
  host: string;
  /** Where the embedded database lives (PGlite under `${dataDir}/pglite`). */
  dataDir: string;
  /** A PostgreSQL URL; null means the embedded PGlite store. */
  databaseUrl: string | null;
  /** The built PWA (dist/client). */
  staticDir: string;
  logLevel: LogLevel;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (login rate limiting). */
  trustProxy: boolean;
  /** How long an access token (exchanged for the device token) is valid, in seconds. */
  accessTokenTtlSeconds: number;
  /**
   * The key that signs access tokens; null: a random key per process (tokens then end with a
   * restart, and devices fetch new ones). Several server processes behind one address need one key.
   */
  accessTokenSecret: string | null;
  /**
   * How far ahead of the server's clock a pushed change may be stamped, in seconds; a change
   * stamped later is refused (`clockAhead`, issue 13).
   */
  clockToleranceSeconds: number;
  /** A device's sign-in ends after this many days without contact (it asks for the password again). */
  deviceIdleDays: number;
  /** ... and this many days after it signed in, however often it syncs. */
  deviceMaxAgeDays: number;
}

/** What is wrong with one variable: a code, and Polish and English explanations without the value. */
export interface ConfigProblem { variable: string; code: string; pl: string; en: string }

/** Thrown by loadConfig; lists every bad variable at once. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable} (${p.en})`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** The process exit code for a configuration error (sysexits.h EX_CONFIG). */
export const EX_CONFIG = 78;

type Env = Record<string, string | undefined>;

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off', ''];

/** Access tokens live 15 minutes unless ACCESS_TOKEN_TTL_SECONDS says otherwise. */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const TtlSchema = v.pipe(v.string(), v.regex(/^\d{1,6}$/), v.transform(Number), v.integer(), v.minValue(30), v.maxValue(86_400));

/** Pushed stamps may be 5 minutes ahead of the server unless CLOCK_AHEAD_TOLERANCE_SECONDS says otherwise. */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 300;
const ClockToleranceSchema = v.pipe(v.string(), v.regex(/^\d{1,6}$/), v.transform(Number), v.integer(), v.minValue(5), v.maxValue(86_400));
/** Device sign-ins end after 30 days without contact, and 180 days after the sign-in. */
export const DEFAULT_DEVICE_IDLE_DAYS = 30;
export const DEFAULT_DEVICE_MAX_AGE_DAYS = 180;
const DaysSchema = v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(3650));

const PortSchema = v.pipe(v.string(), v.regex(/^\d{1,5}$/), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(65535));

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The value of a variable, or undefined when unset or blank. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Reads and validates the settings from `env` (process.env in production). Throws ConfigError. */
export function loadConfig(env: Env): Config {
  const problems: ConfigProblem[] = [];

  let port = 8080;
  const rawPort = read(env, 'PORT');
  if (rawPort !== undefined) {
    const parsed = v.safeParse(PortSchema, rawPort);
    if (parsed.success) port = parsed.output;
    else problems.push({ variable: 'PORT', code: 'invalidPort', pl: 'musi być liczbą całkowitą od 1 do 65535', en: 'must be an integer from 1 to 65535' });
  }

  const host = read(env, 'HOST') ?? '0.0.0.0';
  if (/\s/.test(host)) problems.push({ variable: 'HOST', code: 'invalidHost', pl: 'nie może zawierać spacji', en: 'must not contain spaces' });

  const databaseUrl = read(env, 'DATABASE_URL') ?? null;
  if (databaseUrl !== null && !isPostgresUrl(databaseUrl)) {
    problems.push({
      variable: 'DATABASE_URL', code: 'invalidDatabaseUrl',
      pl: 'musi być adresem postgres:// lub postgresql:// (wartość nie jest wypisywana, bo może zawierać hasło)',
      en: 'must be a postgres:// or postgresql:// URL (the value is not shown: it may hold a password)',
    });
  }

  const logLevelRaw = (read(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  const logLevel = (LOG_LEVELS as readonly string[]).includes(logLevelRaw) ? (logLevelRaw as LogLevel) : 'info';
  if (logLevel !== logLevelRaw) {
    problems.push({ variable: 'LOG_LEVEL', code: 'invalidLogLevel', pl: `musi być jednym z: ${LOG_LEVELS.join(', ')}`, en: `must be one of: ${LOG_LEVELS.join(', ')}` });
  }

  const trustRaw = (env.TRUST_PROXY ?? '').trim().toLowerCase();
  const trustProxy = TRUE_WORDS.includes(trustRaw);
  if (!trustProxy && !FALSE_WORDS.includes(trustRaw)) {
    problems.push({ variable: 'TRUST_PROXY', code: 'invalidBoolean', pl: 'musi być true/false (1/0)', en: 'must be true/false (1/0)' });
  }

  let accessTokenTtlSeconds = DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  const rawTtl = read(env, 'ACCESS_TOKEN_TTL_SECONDS');
  if (rawTtl !== undefined) {
    const parsed = v.safeParse(TtlSchema, rawTtl);
    if (parsed.success) accessTokenTtlSeconds = parsed.output;
    else problems.push({ variable: 'ACCESS_TOKEN_TTL_SECONDS', code: 'invalidTtl', pl: 'musi być liczbą sekund od 30 do 86400', en: 'must be a number of seconds from 30 to 86400' });
  }

  const accessTokenSecret = read(env, 'ACCESS_TOKEN_SECRET') ?? null;
  if (accessTokenSecret !== null && accessTokenSecret.length < 32) {
    problems.push({ variable: 'ACCESS_TOKEN_SECRET', code: 'secretTooShort', pl: 'musi mieć co najmniej 32 znaki (wartość nie jest wypisywana)', en: 'must be at least 32 characters long (the value is not shown)' });
  }

  let clockToleranceSeconds = DEFAULT_CLOCK_TOLERANCE_SECONDS;
  const rawTolerance = read(env, 'CLOCK_AHEAD_TOLERANCE_SECONDS');
  if (rawTolerance !== undefined) {
    const parsed = v.safeParse(ClockToleranceSchema, rawTolerance);
    if (parsed.success) clockToleranceSeconds = parsed.output;
    else problems.push({ variable: 'CLOCK_AHEAD_TOLERANCE_SECONDS', code: 'invalidClockTolerance', pl: 'musi być liczbą sekund od 5 do 86400', en: 'must be a number of seconds from 5 to 86400' });
  }
  const days = (variable: string, fallback: number): number => {
    const raw = read(env, variable);
    if (raw === undefined) return fallback;
    const parsed = v.safeParse(DaysSchema, raw);
    if (parsed.success) return parsed.output;
    problems.push({ variable, code: 'invalidDays', pl: 'musi być liczbą dni od 1 do 3650', en: 'must be a number of days from 1 to 3650' });
    return fallback;
  };
  const deviceIdleDays = days('DEVICE_IDLE_DAYS', DEFAULT_DEVICE_IDLE_DAYS);
  const deviceMaxAgeDays = days('DEVICE_MAX_AGE_DAYS', DEFAULT_DEVICE_MAX_AGE_DAYS);
  if (deviceMaxAgeDays < deviceIdleDays) {
    problems.push({ variable: 'DEVICE_MAX_AGE_DAYS', code: 'maxAgeBelowIdle', pl: 'nie może być mniejsze niż DEVICE_IDLE_DAYS', en: 'must not be less than DEVICE_IDLE_DAYS' });
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    dataDir: read(env, 'DATA_DIR') ?? './data',
    databaseUrl,
    staticDir: read(env, 'STATIC_DIR') ?? 'dist/client',
    logLevel,
    trustProxy,
    accessTokenTtlSeconds,
    accessTokenSecret,
    clockToleranceSeconds,
    deviceIdleDays,
    deviceMaxAgeDays,
  };
}

/** For the command-line tools: the configuration, or null after printing what is wrong (then exit EX_CONFIG). */
export function loadCliConfig(env: Env): Config | null {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(formatConfigError(error));
      return null;
    }
    throw error;
  }
}

/** The text main.ts prints for a ConfigError: Polish first, then English. */
export function formatConfigError(error: ConfigError): string {
  const lines = ['Obecni: błędna konfiguracja serwera / invalid server configuration:'];
  for (const p of error.problems) lines.push(`  ${p.variable}: ${p.pl} / ${p.en}`);
  return lines.join('\n');
}
