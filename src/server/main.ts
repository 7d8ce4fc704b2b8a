/**
 * The server process: read the configuration once, open and migrate the store, serve the app,
 * and shut down cleanly on SIGINT/SIGTERM (stop accepting, finish requests, close the database,
 * so PGlite's files are left consistent). Started by `npm run serve` (tsx src/server/main.ts).
 */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, EX_CONFIG, formatConfigError, loadConfig, type Config } from './config';
import { createLogger, errorCode } from './logger';
import { describeStore, openStore } from './store';
import { DataDirError, restrictNewFileModes } from './store/data-dir';

/** How long a shutdown may take before the process exits anyway; open requests get half of it. */
const SHUTDOWN_GRACE_MS = 10_000;

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(formatConfigError(error));
      process.exit(EX_CONFIG);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  // Before any file is written: the database, its lock and anything else are for this user only.
  restrictNewFileModes();
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  let store;
  try {
    store = await openStore(config, (error) => logger.error('databaseIdleError', { code: errorCode(error) }));
  } catch (error) {
    if (error instanceof DataDirError) console.error(`Obecni: ${error.message}`);
    else console.error(`Obecni: nie można otworzyć bazy danych / cannot open the database (${describeStore(config)}): ${errorCode(error)}`);
    process.exit(1);
  }
  const app = createApp({ store, config, logger });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Obecni: http://localhost:${info.port} (baza: ${describeStore(config)})`);
  });
  server.on('error', (error) => {
    console.error(`Obecni: nie można nasłuchiwać na ${config.host}:${config.port} / cannot listen: ${errorCode(error)}`);
    void store.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutdown', { signal });
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    // Requests still open half-way through the grace are cut (a device retries them: pushes apply
    // once by mutation id), so the database still closes cleanly before the hard exit.
    setTimeout(() => { if ('closeAllConnections' in server) server.closeAllConnections(); }, SHUTDOWN_GRACE_MS / 2).unref();
    server.close(() => {
      store.close().then(() => process.exit(0), (error: unknown) => {
        logger.error('storeCloseFailed', { code: errorCode(error) });
        process.exit(1);
      });
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
