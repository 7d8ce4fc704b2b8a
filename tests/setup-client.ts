// Every client test gets a real (in-memory) IndexedDB implementation.
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
// Screens rendered on their own in tests need the message packs their section would load first.
import { loadAllPacks } from '../src/client/i18n';

await loadAllPacks();

// A lazy screen's first import is transformed on demand: on a loaded 2-core machine that alone can
// pass Testing Library's 1 s default, so findBy*/waitFor wait up to 10 s (a hang still fails).
configure({ asyncUtilTimeout: 10_000 });
