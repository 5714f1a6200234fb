import type * as Y from 'yjs';
import { parentShapeId } from '@empiria/formats';
import { CanvasRecordIndex } from './canvas-record-index';

const trees = new WeakMap<Y.Doc, ShapeTree>();

const NO_CHILDREN: ReadonlySet<string> = new Set();

/**
 * Which shape each shape of the canvas is a child of, and the children of each, as the board's
 * record index reads the records (the entry that stands for each key), kept in step with it. The
 * rules ask it for the chains above and below the shapes an update moves ([D3] parent chains,
 * [C2] what a moved shape carries), so what they cost is those chains, not the board. A child
 * whose parent is missing is listed under the id it names: the parent may come later.
 */
export class ShapeTree {
  /** One tree per document, built from its records on first use and kept for the document's life. */
  static of(doc: Y.Doc): ShapeTree {
    let tree = trees.get(doc);
    if (!tree) trees.set(doc, (tree = new ShapeTree(CanvasRecordIndex.of(doc))));
    return tree;
  }

  readonly #parents = new Map<string, string>();
  readonly #children = new Map<string, Set<string>>();

  private constructor(index: CanvasRecordIndex) {
    for (const entry of index.currentEntries()) this.#set(entry.key, parentShapeId(entry.val));
    index.listen((changes) => {
      for (const { key, after } of changes) this.#set(key, parentShapeId(after?.val));
    });
  }

  /** The shape `id` is a child of now, if any. */
  parentOf(id: string): string | undefined {
    return this.#parents.get(id);
  }

  /** The shapes whose parent is `id` now. */
  childrenOf(id: string): ReadonlySet<string> {
    return this.#children.get(id) ?? NO_CHILDREN;
  }

  #set(id: string, parent: string | undefined): void {
    const was = this.#parents.get(id);
    if (was === parent) return;
    if (was !== undefined) {
      const siblings = this.#children.get(was);
      siblings?.delete(id);
      if (siblings?.size === 0) this.#children.delete(was);
    }
    if (parent === undefined) {
      this.#parents.delete(id);
      return;
    }
    this.#parents.set(id, parent);
    let siblings = this.#children.get(parent);
    if (!siblings) this.#children.set(parent, (siblings = new Set()));
    siblings.add(id);
  }
}
