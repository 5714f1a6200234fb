import { inside, overlaps, type Rect } from './geometry';

export interface PackItem {
  id: string;
  w: number;
  h: number;
}

export interface PackOptions {
  /** Between the area's edge and what is placed. */
  padding?: number;
  /** Kept free around every placed item and every obstacle. */
  gap?: number;
}

export interface PackResult {
  /** Top-left corners, page coordinates, in the order the items were given. */
  placed: Array<{ id: string; x: number; y: number }>;
  /** Items for which no free place was left, in the order given. */
  overflow: string[];
}

const DEFAULTS = { padding: 12, gap: 10 };

/**
 * Places items of any size in the free space of `area`, one after the other, each at the
 * top-most, then left-most free spot where it covers no obstacle and nothing placed before it
 * (a gap apart). What is already on the board stays where it is; the new items go around it.
 * Candidate spots are the area's corner and the right and bottom edges of everything there, which
 * is where a first-fit packing's items touch; deterministic.
 */
export function packIntoFreeSpace(
  area: Rect,
  obstacles: readonly Rect[],
  items: readonly PackItem[],
  options: PackOptions = {},
): PackResult {
  const { padding, gap } = { ...DEFAULTS, ...options };
  const inner = {
    x: area.x + padding,
    y: area.y + padding,
    w: area.w - 2 * padding,
    h: area.h - 2 * padding,
  };
  // An obstacle blocks itself and a gap around it.
  const taken: Rect[] = obstacles.filter((o) => overlaps(o, area)).map((o) => grow(o, gap));
  const placed: PackResult['placed'] = [];
  const overflow: string[] = [];
  for (const item of items) {
    const spot = firstFreeSpot(inner, taken, item);
    if (!spot) {
      overflow.push(item.id);
      continue;
    }
    placed.push({ id: item.id, x: spot.x, y: spot.y });
    taken.push(grow({ ...spot, w: item.w, h: item.h }, gap));
  }
  return { placed, overflow };
}

function firstFreeSpot(inner: Rect, taken: readonly Rect[], item: PackItem): Rect | null {
  const xs = new Set([inner.x]);
  const ys = new Set([inner.y]);
  for (const t of taken) {
    // `t` is grown by the gap: its far edges are already a gap away from the obstacle.
    xs.add(t.x + t.w);
    ys.add(t.y + t.h);
    // Also right against its near edge from the other side, for items that fit before it.
    xs.add(t.x - item.w);
    ys.add(t.y - item.h);
  }
  const sortedY = [...ys].filter((y) => y >= inner.y).sort((a, b) => a - b);
  const sortedX = [...xs].filter((x) => x >= inner.x).sort((a, b) => a - b);
  for (const y of sortedY) {
    for (const x of sortedX) {
      const box = { x, y, w: item.w, h: item.h };
      if (!inside(box, inner)) continue;
      if (taken.some((t) => overlaps(t, box))) continue;
      return box;
    }
  }
  return null;
}

function grow(rect: Rect, by: number): Rect {
  return { x: rect.x - by, y: rect.y - by, w: rect.w + 2 * by, h: rect.h + 2 * by };
}

/**
 * The free spot for an item of `size` in `area` nearest to `preferred` (its top-left corner), a
 * gap away from every obstacle; null when there is none. `reserveAbove` keeps room above the item
 * clear too (a cluster's title is drawn above its frame).
 */
export function nearestFreeSpot(
  area: Rect,
  obstacles: readonly Rect[],
  size: { w: number; h: number },
  preferred: { x: number; y: number },
  options: PackOptions & { reserveAbove?: number } = {},
): { x: number; y: number } | null {
  const { padding, gap } = { ...DEFAULTS, ...options };
  const above = options.reserveAbove ?? 0;
  const inner = {
    x: area.x + padding,
    y: area.y + padding,
    w: area.w - 2 * padding,
    h: area.h - 2 * padding,
  };
  const taken = obstacles.filter((o) => overlaps(o, area)).map((o) => grow(o, gap));
  const xs = new Set([inner.x, preferred.x, inner.x + inner.w - size.w]);
  const ys = new Set([inner.y + above, preferred.y, inner.y + inner.h - size.h]);
  for (const t of taken) {
    xs.add(t.x + t.w);
    xs.add(t.x - size.w);
    ys.add(t.y + t.h + above);
    ys.add(t.y - size.h);
  }
  let best: { x: number; y: number; d: number } | null = null;
  for (const y of ys) {
    for (const x of xs) {
      const box = { x, y, w: size.w, h: size.h };
      const claimed = { x, y: y - above, w: size.w, h: size.h + above };
      if (!inside(claimed, inner)) continue;
      if (taken.some((t) => overlaps(t, claimed))) continue;
      const d = Math.hypot(box.x - preferred.x, box.y - preferred.y);
      if (!best || d < best.d - 1e-9) best = { x, y, d };
    }
  }
  return best ? { x: best.x, y: best.y } : null;
}
