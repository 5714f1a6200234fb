import * as Y from 'yjs';

/**
 * Where each piece of a Yjs update would land in a document, read BEFORE the update is applied:
 * which top-level type, how deep below it, under which map key, and with what content. The
 * document rules (canvas, control, summary) judge an update from this, so a refused update never
 * touches the document, the disk or the other members.
 *
 * An update names the parent of an item only when the item has no neighbour; otherwise the parent
 * is its neighbour's (Yjs's own rule when it integrates). So an item's place is found through its
 * origin, either in the document or earlier in the same update.
 */

/** Where an item lands: `depth` 0 is a direct child (or map entry) of the top-level type. */
export interface Place {
  root: string;
  depth: number;
  /** The map key (or XML attribute) of a map entry; null for list items. */
  parentSub: string | null;
  /** The type the item is a child of when it is nested (depth > 0): e.g. an XmlElement. */
  container: Y.AbstractType<unknown> | null;
}

export interface Insertion {
  place: Place;
  content: Y.Item['content'];
}

export interface Deletion {
  place: Place;
  /** The content being deleted (only what the delete set names), as the document holds it now. */
  content: Y.Item['content'];
}

export interface UpdateInspection {
  insertions: Insertion[];
  deletions: Deletion[];
  /** The Yjs client ids whose history this update extends (writes at clocks the doc lacks). */
  writers: number[];
}

export class InspectionError extends Error {
  override name = 'InspectionError';
}

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
type Struct = DecodedUpdate['structs'][number];

/** Deeper than any note the editor makes; bounds the work one update can ask for. */
const MAX_NESTING = 32;

/** A place that Yjs would drop the item from (its neighbour was garbage-collected). */
const DROPPED = Symbol('dropped');
type Resolved = Place | typeof DROPPED;

/** Yjs's delete set as decodeUpdate returns it (its class is not part of the public types). */
interface DeleteSetLike {
  clients: Map<number, { clock: number; len: number }[]>;
}

/**
 * Reads `decoded` (Y.decodeUpdate of the update) against `doc`. Throws InspectionError when the
 * update refers to something neither the document nor the update has (it would wait in Yjs's
 * pending queue, unchecked and unbounded) or is inconsistent (an item that is its own parent).
 */
export function inspectUpdate(doc: Y.Doc, decoded: DecodedUpdate): UpdateInspection {
  const fromUpdate = indexByClient(decoded.structs);
  const memo = new Map<Struct, Resolved>();

  const findInUpdate = (id: Y.ID): Struct | null => {
    const structs = fromUpdate.get(id.client);
    if (!structs) return null;
    let low = 0;
    let high = structs.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = structs[mid] as Struct;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct;
    }
    return null;
  };

  const inDocument = (id: Y.ID): boolean => id.clock < Y.getState(doc.store, id.client);

  /** The place of an item already in the document, or DROPPED for garbage. */
  const placeInDoc = (id: Y.ID): Resolved | null => {
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const struct = Y.getItem(doc.store, id) as Struct;
    if (!(struct instanceof Y.Item)) return DROPPED;
    return placeOfIntegrated(struct);
  };

  /** The place the children of `parentId`'s type land in (parentId must hold a type). */
  const childPlace = (parentPlace: Resolved, parent: Struct | Y.Item, parentSub: string | null): Resolved => {
    if (parentPlace === DROPPED) return DROPPED;
    if (!(parent instanceof Y.Item) || !(parent.content instanceof Y.ContentType))
      throw new InspectionError('an item names a parent that is not a type');
    return {
      root: parentPlace.root,
      depth: parentPlace.depth + 1,
      parentSub,
      container: parent.content.type as Y.AbstractType<unknown>,
    };
  };

  /** Resolves iteratively: a chain of 100,000 items each after the previous must not recurse. */
  const resolve = (start: Struct, nesting = 0): Resolved => {
    if (nesting > MAX_NESTING) throw new InspectionError(`types nested deeper than ${MAX_NESTING}`);
    const chain: Struct[] = [];
    const onChain = new Set<Struct>();
    let current: Struct = start;
    let resolved: Resolved | undefined;
    for (;;) {
      const known = memo.get(current);
      if (known !== undefined) {
        resolved = known;
        break;
      }
      if (onChain.has(current)) throw new InspectionError('an item refers to itself through its neighbours');
      onChain.add(current);
      if (!(current instanceof Y.Item)) {
        resolved = DROPPED;
        chain.push(current);
        break;
      }
      chain.push(current);
      const parent = current.parent as unknown;
      if (typeof parent === 'string') {
        resolved = { root: parent, depth: 0, parentSub: current.parentSub, container: null };
        break;
      }
      const reference = parent instanceof Y.ID ? parent : (current.origin ?? current.rightOrigin);
      if (!reference) throw new InspectionError('an item has neither a parent nor a neighbour');
      // What the document already has, Yjs takes from the document, whatever the update says of
      // it: a re-sent copy claiming another parent must not decide where a new item lands.
      const inUpdate = inDocument(reference) ? null : findInUpdate(reference);
      if (inUpdate && inUpdate !== current) {
        if (parent instanceof Y.ID) {
          // The parent's own place first, then ours below it.
          const parentPlace = resolve(inUpdate, nesting + 1);
          resolved = childPlace(parentPlace, inUpdate, current.parentSub);
          break;
        }
        current = inUpdate;
        continue;
      }
      if (inUpdate === current) throw new InspectionError('an item refers to itself');
      const inDoc = placeInDoc(reference);
      if (inDoc === null) throw new InspectionError('the update depends on changes the server does not have');
      if (parent instanceof Y.ID) {
        resolved =
          inDoc === DROPPED
            ? DROPPED
            : childPlace(inDoc, Y.getItem(doc.store, reference) as Y.Item, current.parentSub);
      } else {
        resolved = inDoc;
      }
      break;
    }
    // Everything on the chain shares the place found at its end (same parent, same key): the
    // first item when the chain ended at a parent, the rest through their neighbours.
    for (const struct of chain) memo.set(struct, resolved);
    return resolved;
  };

  // Each client's structs must continue what the document has: a gap would leave the rest waiting
  // in Yjs's pending queue, where nothing checks it when it finally integrates.
  const reach = new Map<number, number>();
  const writers: number[] = [];
  for (const [client, structs] of fromUpdate) {
    const known = Y.getState(doc.store, client);
    const first = structs[0] as Struct;
    if (first.id.clock > known)
      throw new InspectionError('the update depends on changes the server does not have');
    for (const struct of structs) {
      if (struct instanceof Y.Skip && struct.id.clock + struct.length > known)
        throw new InspectionError('the update skips changes the server does not have');
    }
    const last = structs[structs.length - 1] as Struct;
    reach.set(client, Math.max(known, last.id.clock + last.length));
    if (last.id.clock + last.length > known) writers.push(client);
  }

  // Yjs integrates an item only once its left and right neighbours and its parent are there; one
  // missing any of them waits in the pending queue, and is integrated unchecked whenever the
  // missing piece comes, from anyone ([D1]). Each must be in the document or in this update.
  const available = (id: Y.ID): boolean =>
    id.clock < (reach.get(id.client) ?? Y.getState(doc.store, id.client));
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent as unknown;
    if (
      (struct.origin && !available(struct.origin)) ||
      (struct.rightOrigin && !available(struct.rightOrigin)) ||
      (parent instanceof Y.ID && !available(parent))
    )
      throw new InspectionError('the update depends on changes the server does not have');
  }

  // A struct the document already has in part is integrated by Yjs from the first clock it lacks,
  // after the document's own item before that clock (and in that item's parent), whatever the
  // struct itself names; one it has whole is ignored. Judge what Yjs will actually do.
  const insertions: Insertion[] = [];
  const known = new Map<Struct, number>();
  for (const struct of decoded.structs) {
    const state = Y.getState(doc.store, struct.id.client);
    if (struct.id.clock >= state) continue;
    known.set(struct, state - struct.id.clock);
    if (struct instanceof Y.Item && state < struct.id.clock + struct.length) {
      const left = placeInDoc(Y.createID(struct.id.client, state - 1));
      memo.set(struct, left ?? DROPPED);
    }
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const offset = known.get(struct) ?? 0;
    if (offset >= struct.length) continue;
    const place = resolve(struct);
    if (place === DROPPED) continue;
    const content = offset > 0 ? struct.content.copy().splice(offset) : struct.content;
    insertions.push({ place, content });
  }

  const deletions: Deletion[] = [];
  for (const [client, ranges] of (decoded.ds as unknown as DeleteSetLike).clients) {
    const known = Y.getState(doc.store, client);
    const structs = doc.store.clients.get(client) ?? [];
    for (const { clock, len } of ranges) {
      const end = clock + len;
      // Deleting what this same update adds is fine (its content was checked as an insertion);
      // deleting what nobody has sent would wait in the pending queue.
      if (end > (reach.get(client) ?? known))
        throw new InspectionError('the update deletes changes the server does not have');
      if (clock >= known) continue;
      let index = Y.findIndexSS(structs as Y.Item[], clock);
      for (; index < structs.length; index++) {
        const struct = structs[index] as Struct;
        if (struct.id.clock >= end) break;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        // Only the part in the range: Yjs merges neighbouring items of one client (a record
        // pushed after another is one item with both), and deleting one must not read as both.
        const from = Math.max(clock, struct.id.clock) - struct.id.clock;
        const to = Math.min(end, struct.id.clock + struct.length) - struct.id.clock;
        deletions.push({
          place: placeOfIntegrated(struct),
          content: contentBetween(struct.content, from, to),
        });
      }
    }
  }
  return { insertions, deletions, writers };
}

/**
 * The part of an item's content from `from` to `to` (its positions), without touching the item's
 * own (Yjs's `copy` shares an array's elements with it, and `splice` cuts them in place).
 */
function contentBetween(content: Y.Item['content'], from: number, to: number): Y.Item['content'] {
  if (from === 0 && to === content.getLength()) return content;
  if (content instanceof Y.ContentAny) return new Y.ContentAny(content.getContent().slice(from, to));
  if (content instanceof Y.ContentJSON) return new Y.ContentJSON(content.getContent().slice(from, to));
  if (content instanceof Y.ContentString) return new Y.ContentString(content.str.slice(from, to));
  if (content instanceof Y.ContentDeleted) return new Y.ContentDeleted(to - from);
  return content;
}

function indexByClient(structs: readonly Struct[]): Map<number, Struct[]> {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    let list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, (list = []));
    list.push(struct);
  }
  // decodeUpdate yields each client's structs in clock order; keep it explicit for the search.
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return byClient;
}

/** The place of an item the document has integrated: its parent is a live type. */
function placeOfIntegrated(item: Y.Item): Place {
  const parent = item.parent as Y.AbstractType<unknown>;
  let depth = 0;
  let top = parent;
  while (top._item !== null) {
    depth++;
    top = top._item.parent as Y.AbstractType<unknown>;
  }
  return {
    root: Y.findRootTypeKey(top),
    depth,
    parentSub: item.parentSub,
    container: depth > 0 ? parent : null,
  };
}
