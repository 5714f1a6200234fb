import type { DocumentStore, StoredDocument } from './document-store';

/** An in-process store for unit tests of rooms; it meets the same contract as SQLite. */
export class MemoryDocumentStore implements DocumentStore {
  #seq = 0;
  readonly #docs = new Map<
    string,
    { snapshot: Uint8Array | null; uptoSeq: number; updates: { seq: number; data: Uint8Array }[] }
  >();

  #doc(key: string) {
    let doc = this.#docs.get(key);
    if (!doc) {
      doc = { snapshot: null, uptoSeq: 0, updates: [] };
      this.#docs.set(key, doc);
    }
    return doc;
  }

  async load(key: string): Promise<StoredDocument> {
    const doc = this.#doc(key);
    const updates = doc.updates.filter((u) => u.seq > doc.uptoSeq);
    return {
      snapshot: doc.snapshot ? doc.snapshot.slice() : null,
      updates: updates.map((u) => u.data.slice()),
      lastSeq: updates.length > 0 ? (updates[updates.length - 1] as { seq: number }).seq : doc.uptoSeq,
    };
  }

  async append(key: string, update: Uint8Array): Promise<number> {
    const seq = ++this.#seq;
    this.#doc(key).updates.push({ seq, data: update.slice() });
    return seq;
  }

  async compact(key: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    const doc = this.#doc(key);
    if (uptoSeq < doc.uptoSeq) return;
    doc.snapshot = snapshot.slice();
    doc.uptoSeq = uptoSeq;
    doc.updates = doc.updates.filter((u) => u.seq > uptoSeq);
  }

  async pendingUpdates(key: string): Promise<number> {
    const doc = this.#doc(key);
    return doc.updates.filter((u) => u.seq > doc.uptoSeq).length;
  }

  async close(): Promise<void> {}
}
