// Every client test gets a real (in-memory) IndexedDB implementation.
import 'fake-indexeddb/auto';
