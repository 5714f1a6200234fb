/**
 * The chains of parents of the canvas's shapes. tldraw follows a shape's `parentId` up to its page
 * to place it, and loops for ever when the chain comes back to where it started: one note that is
 * its own parent, or two that are each other's, freeze every browser that opens the board. A
 * chain must end at a page, at most MAX_SHAPE_DEPTH shapes up (a shape on a page is 1 deep, a note
 * in a frame on a page 2 deep; the editor nests a few levels at most).
 *
 * Pure: the callers say where each shape's parent is (the server from its record index and the
 * update it judges, the client from its store), so what a check costs is the chains it follows.
 */

export const MAX_SHAPE_DEPTH = 32;

/** The shape a record is a child of, or undefined (a page, no parent, not a shape). */
export function parentShapeId(record: unknown): string | undefined {
  const shape = record as { typeName?: unknown; parentId?: unknown } | null | undefined;
  if (shape?.typeName !== 'shape' || typeof shape.parentId !== 'string') return undefined;
  return shape.parentId.startsWith('shape:') ? shape.parentId : undefined;
}

/**
 * The shape parents as they would be once a change is made. A shape has one parent; `parentsOf`
 * may name several when it cannot yet be told which of a record's entries will stand (an update
 * that writes one key twice): the check then holds for each of them.
 */
export interface ParentLinks {
  /** The shapes `id` may be a child of: none for a shape on a page, a record that is gone or not a shape. */
  parentsOf(id: string): readonly string[];
  /** The shapes that may be children of `id`. */
  childrenOf(id: string): Iterable<string>;
}

export interface ParentChainProblem {
  id: string;
  problem: 'cycle' | 'too deep';
}

/**
 * Whether re-parenting `changed` (new shapes, or shapes whose parent changed) makes a chain of
 * parents loop or go deeper than `maxDepth`. Any new loop passes through a changed shape, so the
 * chains above the changed shapes show it; a chain can only grow deeper below a changed shape, so
 * their subtrees show that. What it costs: those chains (each at most `maxDepth` long) and the
 * subtrees of the shapes that moved to another parent, never the rest of the board.
 */
export function parentChainProblem(
  changed: Iterable<string>,
  links: ParentLinks,
  maxDepth = MAX_SHAPE_DEPTH,
): ParentChainProblem | null {
  const depths = new Map<string, number>();
  const heights = new Map<string, number>();
  const path = new Set<string>();

  /** How many shapes deep `id` is (1 on a page); `maxDepth + 1` for anything deeper. */
  const depthOf = (id: string): number | ParentChainProblem => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return { id, problem: 'cycle' };
    if (path.size >= maxDepth) return maxDepth + 1;
    path.add(id);
    let depth = 1;
    for (const parent of links.parentsOf(id)) {
      const above = depthOf(parent);
      if (typeof above !== 'number') return above;
      depth = Math.max(depth, above + 1);
    }
    path.delete(id);
    depths.set(id, depth);
    return depth;
  };

  /** How many shapes the longest chain from `id` down holds (1 without children), up to `room + 1`. */
  const heightOf = (id: string, room: number): number | ParentChainProblem => {
    const known = heights.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return { id, problem: 'cycle' };
    if (room <= 0) return 1;
    path.add(id);
    let height = 1;
    for (const child of links.childrenOf(id)) {
      const below = heightOf(child, room - 1);
      if (typeof below !== 'number') return below;
      height = Math.max(height, below + 1);
      if (height > room) break;
    }
    path.delete(id);
    // A height cut short by the room is not the whole height: remembered only when complete.
    if (height <= room) heights.set(id, height);
    return height;
  };

  for (const id of changed) {
    path.clear();
    const depth = depthOf(id);
    if (typeof depth !== 'number') return depth;
    if (depth > maxDepth) return { id, problem: 'too deep' };
    path.clear();
    const room = maxDepth - depth + 1;
    const height = heightOf(id, room);
    if (typeof height !== 'number') return height;
    if (height > room) return { id, problem: 'too deep' };
  }
  return null;
}

/**
 * The shapes among `ids` whose chain of parents loops or is deeper than `maxDepth`, with one
 * parent each (`parentOf`, undefined at a page or a missing parent). For a reader that must not
 * hang on a board however it got there: it leaves these out.
 */
export function shapesOnBrokenChains(
  ids: Iterable<string>,
  parentOf: (id: string) => string | undefined,
  maxDepth = MAX_SHAPE_DEPTH,
): Set<string> {
  const depths = new Map<string, number>();
  const broken = new Set<string>();
  for (const start of ids) {
    if (depths.has(start) || broken.has(start)) continue;
    // Up from `start` until a shape already judged, a page (or a missing parent) or a loop.
    const chain: string[] = [];
    const onChain = new Set<string>();
    let id: string | undefined = start;
    let base = 0;
    let bad = false;
    while (id !== undefined) {
      const known = depths.get(id);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (broken.has(id) || onChain.has(id)) {
        bad = true;
        break;
      }
      chain.push(id);
      onChain.add(id);
      id = parentOf(id);
    }
    // A loop, and whatever hangs below a loop or a broken shape, is broken; the rest is as deep
    // as it stands.
    for (let i = chain.length - 1; i >= 0; i--) {
      const at = chain[i] as string;
      const depth = base + (chain.length - i);
      if (bad || depth > maxDepth) broken.add(at);
      else depths.set(at, depth);
    }
  }
  return broken;
}

/** A shape the repair moves onto a page: its new parent and place, and why. */
export interface ParentRepair {
  id: string;
  parentId: string;
  x: number;
  y: number;
  rotation: number;
  reason: string;
}

interface Placed {
  parentId?: unknown;
  x?: unknown;
  y?: unknown;
  rotation?: unknown;
}

/**
 * What loading a board does with the chains of parents it holds: a shape on a loop is moved onto
 * `pageId` (the loop's smallest id, which breaks it), and a shape deeper than `maxDepth` is moved
 * onto its chain's page where it stood, so every chain ends at a page within the bound. `shapes`:
 * the board's shapes by id. Costs the board once (it runs on load, not per update).
 */
export function parentRepairs(
  shapes: ReadonlyMap<string, unknown>,
  pageId: string,
  maxDepth = MAX_SHAPE_DEPTH,
): ParentRepair[] {
  const repairs = new Map<string, ParentRepair>();
  /** The parent as it will be: a repaired shape has none (it is on a page), nor one whose parent is missing. */
  const parentOf = (id: string): string | undefined => {
    if (repairs.has(id)) return undefined;
    const parent = parentShapeId(shapes.get(id));
    return parent !== undefined && shapes.has(parent) ? parent : undefined;
  };
  const placed = (id: string): Placed => repairs.get(id) ?? (shapes.get(id) as Placed);

  // Loops first: each is found once, from the first of its shapes reached, and cut at its
  // smallest id (the same cut whichever process repairs it).
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of [...shapes.keys()].sort()) {
    const chain: string[] = [];
    let id: string | undefined = start;
    while (id !== undefined && !state.has(id)) {
      state.set(id, 'walking');
      chain.push(id);
      id = parentOf(id);
    }
    if (id !== undefined && state.get(id) === 'walking') {
      const loop = chain.slice(chain.indexOf(id));
      const cut = loop.reduce((a, b) => (b < a ? b : a));
      const record = placed(cut);
      repairs.set(cut, {
        id: cut,
        parentId: pageId,
        x: finite(record.x),
        y: finite(record.y),
        rotation: finite(record.rotation),
        reason: 'its parents form a loop',
      });
    }
    for (const walked of chain) state.set(walked, 'done');
  }

  // Then depth: a shape one past the bound goes onto the page where it stands, and the shapes
  // below it are counted from it again.
  const depths = new Map<string, number>();
  for (const start of shapes.keys()) {
    const chain: string[] = [];
    let id: string | undefined = start;
    while (id !== undefined && !depths.has(id)) {
      chain.push(id);
      id = parentOf(id);
    }
    let depth = id === undefined ? 0 : (depths.get(id) as number);
    for (let i = chain.length - 1; i >= 0; i--) {
      const at = chain[i] as string;
      depth = repairs.has(at) ? 1 : depth + 1;
      if (depth > maxDepth) {
        repairs.set(at, {
          ...onPage(at, parentOf, placed, pageId),
          reason: `nested deeper than ${maxDepth} shapes`,
        });
        depth = 1;
      }
      depths.set(at, depth);
    }
  }
  return [...repairs.values()];
}

function finite(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * Where a shape stands on its page, through its parents' positions and rotations (each at most
 * `maxDepth` shapes up, the ones above having been repaired), and that page.
 */
function onPage(
  id: string,
  parentOf: (id: string) => string | undefined,
  placed: (id: string) => Placed,
  fallbackPage: string,
): Omit<ParentRepair, 'reason'> {
  const own = placed(id);
  let x = finite(own.x);
  let y = finite(own.y);
  let rotation = finite(own.rotation);
  let top = id;
  for (let parent = parentOf(id); parent !== undefined; parent = parentOf(parent)) {
    const p = placed(parent);
    const angle = finite(p.rotation);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    [x, y] = [finite(p.x) + x * cos - y * sin, finite(p.y) + x * sin + y * cos];
    rotation += angle;
    top = parent;
  }
  const page = placed(top).parentId;
  const parentId = typeof page === 'string' && page.startsWith('page:') ? page : fallbackPage;
  return { id, parentId, x, y, rotation };
}
