// Every client test gets a real (in-memory) IndexedDB implementation.
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { afterAll } from 'vitest';
// Screens rendered on their own in tests need the message packs their section would load first.
import { loadAllPacks } from '../src/client/i18n';

await loadAllPacks();

// A lazy screen's first import is transformed on demand: on a loaded 2-core machine that alone can
// pass Testing Library's 1 s default, so findBy*/waitFor wait up to 10 s (a hang still fails).
configure({ asyncUtilTimeout: 10_000 });

// Preact runs effects after paint: requestAnimationFrame raced by a 100 ms timeout, whose callback
// calls cancelAnimationFrame. A file whose last render left such a timeout pending would have it
// fire after jsdom's teardown removed cancelAnimationFrame (an uncaught ReferenceError that fails
// the run although every test passed). Let those timeouts run out while the window still exists.
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 150)));
