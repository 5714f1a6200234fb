/**
 * Runs async tasks one after another. A room handles every frame, persistence step and
 * compaction through one queue, so that "persist, then broadcast" holds for every update and no
 * client is answered before the document is loaded (the load is the first task).
 */
export class SerialQueue {
  #tail: Promise<void> = Promise.resolve();
  #length = 0;

  get length(): number {
    return this.#length;
  }

  run<T>(task: () => T | Promise<T>): Promise<T> {
    this.#length++;
    const result = this.#tail.then(task);
    this.#tail = result.then(
      () => {
        this.#length--;
      },
      () => {
        this.#length--;
      },
    );
    return result;
  }

  /** Resolves when every task queued so far has settled. */
  drain(): Promise<void> {
    return this.#tail;
  }
}
