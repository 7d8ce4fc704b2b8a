import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Three projects: unit (domain, protocol, client with jsdom + fake-indexeddb),
// server (Hono app on PGlite, and on PostgreSQL when DATABASE_URL is set),
// e2e (the built app and the real server in Chromium through playwright-core).
export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          include: ['tests/domain/**/*.test.ts', 'tests/protocol/**/*.test.ts', 'tests/client/**/*.test.{ts,tsx}', 'tests/build/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/setup-client.ts'],
          // Screens rendered in jsdom take a few seconds on a loaded 2-core machine; a hang still fails.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          // initdb once per run; in-memory stores start from its result (tests/server/memory-store.ts).
          globalSetup: ['tests/server/pglite-template.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
