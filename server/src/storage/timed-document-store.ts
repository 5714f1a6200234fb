import type { DocumentStore } from './document-store';

/**
 * A DocumentStore that reports how long each append took to become durable, whatever engine is
 * behind it: the room relays an update only after its append, so this is the floor of what a
 * person waits for someone else's note. Everything else passes straight through.
 */
export function timedDocumentStore(store: DocumentStore, appended: (seconds: number) => void): DocumentStore {
  return {
    load: (key) => store.load(key),
    append: async (key, update) => {
      const started = performance.now();
      const seq = await store.append(key, update);
      appended((performance.now() - started) / 1000);
      return seq;
    },
    compact: (key, snapshot, uptoSeq) => store.compact(key, snapshot, uptoSeq),
    pendingUpdates: (key) => store.pendingUpdates(key),
    close: () => store.close(),
  };
}
