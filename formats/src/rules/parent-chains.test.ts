import { describe, expect, it } from 'vitest';
import {
  MAX_SHAPE_DEPTH,
  parentChainProblem,
  parentRepairs,
  parentShapeId,
  shapesOnBrokenChains,
  type ParentLinks,
} from './parent-chains';

/** Links from a map of child → parent (absent or a page: none). */
function links(parents: Record<string, string | string[] | undefined>): ParentLinks & { asked: Set<string> } {
  const asked = new Set<string>();
  const list = (id: string) => {
    const p = parents[id];
    return p === undefined ? [] : Array.isArray(p) ? p : [p];
  };
  return {
    asked,
    parentsOf: (id) => {
      asked.add(id);
      return list(id);
    },
    childrenOf: (id) => {
      asked.add(id);
      return Object.keys(parents).filter((child) => list(child).includes(id));
    },
  };
}

/** A chain of `n` shapes: c1 on the page, c2 in c1, … */
function chain(n: number, prefix = 'c'): Record<string, string | undefined> {
  const parents: Record<string, string | undefined> = {};
  for (let i = 1; i <= n; i++) parents[`${prefix}${i}`] = i === 1 ? undefined : `${prefix}${i - 1}`;
  return parents;
}

const shape = (id: string, parentId: string, x = 0, y = 0, rotation = 0) => ({
  id,
  typeName: 'shape',
  type: 'frame',
  x,
  y,
  rotation,
  parentId,
});

describe('[D3] parent chains', () => {
  it('reads a shape’s parent shape, not a page', () => {
    expect(parentShapeId(shape('shape:a', 'shape:b'))).toBe('shape:b');
    expect(parentShapeId(shape('shape:a', 'page:page'))).toBeUndefined();
    expect(parentShapeId({ typeName: 'page', id: 'page:page', parentId: 'shape:b' })).toBeUndefined();
    expect(parentShapeId(undefined)).toBeUndefined();
  });

  it('finds a shape that is its own parent, and two that are each other’s', () => {
    expect(parentChainProblem(['a'], links({ a: 'a' }))).toEqual({ id: 'a', problem: 'cycle' });
    expect(parentChainProblem(['b'], links({ a: 'b', b: 'a' }))?.problem).toBe('cycle');
    // A loop closed by the last link of a long chain.
    expect(parentChainProblem(['c1'], links({ ...chain(10), c1: 'c10' }))?.problem).toBe('cycle');
  });

  it('holds for every parent a shape may end with', () => {
    expect(parentChainProblem(['a'], links({ a: ['p', 'b'], b: 'a' }))?.problem).toBe('cycle');
    expect(parentChainProblem(['a'], links({ a: ['p', 'q'] }))).toBeNull();
  });

  it('lets a chain be MAX_SHAPE_DEPTH shapes deep and no deeper', () => {
    const parents = chain(MAX_SHAPE_DEPTH);
    expect(parentChainProblem([`c${MAX_SHAPE_DEPTH}`], links(parents))).toBeNull();
    const deeper = { ...parents, extra: `c${MAX_SHAPE_DEPTH}` };
    expect(parentChainProblem(['extra'], links(deeper))).toEqual({ id: 'extra', problem: 'too deep' });
  });

  it('finds a chain grown too deep below the shape that moved (a subtree hung under another)', () => {
    // Two chains of 20, each fine; hanging the second's top under the first's bottom makes 40.
    const parents = { ...chain(20, 'a'), ...chain(20, 'b'), b1: 'a20' };
    expect(parentChainProblem(['b1'], links(parents))).toEqual({ id: 'b1', problem: 'too deep' });
    expect(parentChainProblem(['b1'], links({ ...parents, b1: 'a5' }))).toBeNull();
  });

  it('follows only the chains of the shapes that moved', () => {
    const parents = { ...chain(5, 'a'), ...chain(5, 'b'), ...chain(200, 'z'), moved: 'a5' };
    const l = links(parents);
    expect(parentChainProblem(['moved'], l)).toBeNull();
    expect([...l.asked].filter((id) => id.startsWith('z'))).toEqual([]);
    expect([...l.asked].filter((id) => id.startsWith('b'))).toEqual([]);
  });

  it('names the shapes on a loop, below one, or too deep, and leaves the rest', () => {
    const parents: Record<string, string | undefined> = {
      ...chain(MAX_SHAPE_DEPTH + 3),
      a: 'b',
      b: 'a',
      below: 'a',
      ok: 'c1',
    };
    const broken = shapesOnBrokenChains(Object.keys(parents), (id) => parents[id]);
    expect([...broken].sort()).toEqual(
      [
        'a',
        'b',
        'below',
        `c${MAX_SHAPE_DEPTH + 1}`,
        `c${MAX_SHAPE_DEPTH + 2}`,
        `c${MAX_SHAPE_DEPTH + 3}`,
      ].sort(),
    );
    // Asked from the bottom first, the top of a long chain is still fine.
    expect(shapesOnBrokenChains([`c${MAX_SHAPE_DEPTH + 1}`, 'c1'], (id) => parents[id])).toEqual(
      new Set([`c${MAX_SHAPE_DEPTH + 1}`]),
    );
    expect(shapesOnBrokenChains(['self'], (id) => (id === 'self' ? 'self' : undefined))).toEqual(
      new Set(['self']),
    );
  });

  it('repairs a stored loop by moving its smallest id onto the page', () => {
    const shapes = new Map<string, unknown>([
      ['shape:b', shape('shape:b', 'shape:a', 5, 6)],
      ['shape:a', shape('shape:a', 'shape:b', 1, 2)],
      ['shape:self', shape('shape:self', 'shape:self', 3, 4)],
      ['shape:fine', shape('shape:fine', 'page:page')],
      ['shape:orphan', shape('shape:orphan', 'shape:gone')],
    ]);
    const repairs = parentRepairs(shapes, 'page:first');
    expect(repairs).toEqual([
      { id: 'shape:a', parentId: 'page:first', x: 1, y: 2, rotation: 0, reason: 'its parents form a loop' },
      {
        id: 'shape:self',
        parentId: 'page:first',
        x: 3,
        y: 4,
        rotation: 0,
        reason: 'its parents form a loop',
      },
    ]);
  });

  it('repairs a chain too deep by moving the shape one past the bound onto its page, where it stood', () => {
    const shapes = new Map<string, unknown>();
    const n = MAX_SHAPE_DEPTH * 2 + 5;
    for (let i = 1; i <= n; i++)
      shapes.set(
        `shape:s${i}`,
        shape(`shape:s${i}`, i === 1 ? 'page:two' : `shape:s${i - 1}`, 10, 0, i === 2 ? Math.PI / 2 : 0),
      );
    const repairs = parentRepairs(shapes, 'page:first');
    expect(repairs.map((r) => r.id)).toEqual([
      `shape:s${MAX_SHAPE_DEPTH + 1}`,
      `shape:s${MAX_SHAPE_DEPTH * 2 + 1}`,
    ]);
    const [first] = repairs;
    // s1 at (10, 0); s2 turned a quarter: everything below it runs down the page.
    expect(first).toMatchObject({ parentId: 'page:two', rotation: Math.PI / 2 });
    expect(first?.x).toBeCloseTo(20);
    expect(first?.y).toBeCloseTo(10 * (MAX_SHAPE_DEPTH - 1));
    // Nothing is left deeper than the bound, and nothing on a loop.
    const after = new Map(shapes);
    for (const r of repairs) after.set(r.id, { ...(after.get(r.id) as object), parentId: r.parentId });
    const parentOf = (id: string) => parentShapeId(after.get(id));
    expect(shapesOnBrokenChains(after.keys(), parentOf).size).toBe(0);
  });
});
