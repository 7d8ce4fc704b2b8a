import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Four projects: domain (domain rules and the built PWA, plain Node), unit (protocol and client
// with jsdom + fake-indexeddb), server (Hono app on PGlite, and on PostgreSQL when DATABASE_URL is set),
// e2e (the built app and the real server in Chromium through playwright-core).
export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          include: ['tests/protocol/**/*.test.ts', 'tests/client/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/setup-client.ts'],
          // Screens rendered in jsdom take a few seconds on a loaded 2-core machine; a hang still fails.
          testTimeout: 20_000,
        },
      },
      {
        // Domain rules and checks of the build need no DOM: plain Node, without jsdom's set-up per file.
        test: {
          name: 'domain',
          include: ['tests/domain/**/*.test.ts', 'tests/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          // initdb once per run; in-memory stores start from its result (tests/server/store/memory-store.ts).
          globalSetup: ['tests/server/store/pglite-template.global.ts'],
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
