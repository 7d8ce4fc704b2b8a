// Every client test gets a real (in-memory) IndexedDB implementation.
import 'fake-indexeddb/auto';
// Screens rendered on their own in tests need the message packs their section would load first.
import { loadAllPacks } from '../src/client/i18n';

await loadAllPacks();
