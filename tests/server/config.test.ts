/** Configuration: defaults, and errors that name every bad variable without echoing secrets. */
import { describe, expect, it } from 'vitest';
import { ConfigError, EX_CONFIG, formatConfigError, loadConfig } from '../../src/server/config';

function problemsOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('CONFIG-DEFAULTS: an empty environment gives the documented defaults (embedded PGlite)', () => {
    expect(loadConfig({})).toEqual({
      port: 8080, host: '0.0.0.0', dataDir: './data', databaseUrl: null, staticDir: 'dist/client', logLevel: 'info', trustProxy: false,
      accessTokenTtlSeconds: 900, accessTokenSecret: null, clockToleranceSeconds: 300,
    });
  });

  it('CONFIG-READ: each variable is read and converted', () => {
    expect(loadConfig({
      PORT: '3000', HOST: '127.0.0.1', DATA_DIR: '/var/lib/obecni', DATABASE_URL: 'postgresql://u:p@db:5432/obecni',
      STATIC_DIR: '/srv/pwa', LOG_LEVEL: 'DEBUG', TRUST_PROXY: 'true', ACCESS_TOKEN_TTL_SECONDS: '300', ACCESS_TOKEN_SECRET: 'k'.repeat(40),
      CLOCK_AHEAD_TOLERANCE_SECONDS: '60',
    })).toEqual({
      port: 3000, host: '127.0.0.1', dataDir: '/var/lib/obecni', databaseUrl: 'postgresql://u:p@db:5432/obecni', staticDir: '/srv/pwa', logLevel: 'debug', trustProxy: true,
      accessTokenTtlSeconds: 300, accessTokenSecret: 'k'.repeat(40), clockToleranceSeconds: 60,
    });
  });

  it('CONFIG-ACCESS-TOKEN: a lifetime outside 30 s to 1 day and a short signing key are refused by name, the key never echoed', () => {
    for (const ttl of ['29', '86401', '15m', '-5']) expect(problemsOf({ ACCESS_TOKEN_TTL_SECONDS: ttl }).problems.map((p) => p.variable)).toEqual(['ACCESS_TOKEN_TTL_SECONDS']);
    const error = problemsOf({ ACCESS_TOKEN_SECRET: 'krotki-Sekret' });
    expect(error.problems.map((p) => p.variable)).toEqual(['ACCESS_TOKEN_SECRET']);
    expect(formatConfigError(error)).not.toContain('krotki-Sekret');
  });

  it.each(['4', '86401', '5m', '-10', '1.5'])('CONFIG-CLOCK: CLOCK_AHEAD_TOLERANCE_SECONDS=%s is refused by name', (value) => {
    expect(problemsOf({ CLOCK_AHEAD_TOLERANCE_SECONDS: value }).problems.map((p) => p.variable)).toEqual(['CLOCK_AHEAD_TOLERANCE_SECONDS']);
  });

  it.each(['0', '65536', '80a', '-1', '8080.5', 'abc'])('CONFIG-PORT: PORT=%s is refused by name', (port) => {
    const error = problemsOf({ PORT: port });
    expect(error.problems.map((p) => p.variable)).toEqual(['PORT']);
  });

  it('CONFIG-DATABASE_URL: a non-PostgreSQL URL is refused by name and its value (a password) is never echoed', () => {
    const secret = 'mysql://admin:Sup3rTajne@db/obecni';
    const error = problemsOf({ DATABASE_URL: secret });
    expect(error.problems.map((p) => p.variable)).toEqual(['DATABASE_URL']);
    expect(error.message).not.toContain('Sup3rTajne');
    expect(formatConfigError(error)).not.toContain('Sup3rTajne');
    expect(formatConfigError(error)).toContain('DATABASE_URL');
  });

  it('CONFIG-ALL: every bad variable is listed at once, in Polish and English', () => {
    const error = problemsOf({ PORT: 'x', DATABASE_URL: 'nonsense', LOG_LEVEL: 'verbose', TRUST_PROXY: 'maybe' });
    expect(error.problems.map((p) => p.variable)).toEqual(['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'TRUST_PROXY']);
    const text = formatConfigError(error);
    expect(text).toContain('błędna konfiguracja');
    expect(text).toContain('invalid server configuration');
    expect(EX_CONFIG).toBe(78);
  });
});
