import { NOTE_SIZE, type Rect } from './geometry';
import { nearestFreeSpot } from './free-space';

export interface ClusterNote extends Rect {
  id: string;
}

export interface ClusterPlan {
  /** The cluster's frame, page coordinates. */
  frame: Rect;
  /** Each note's new top-left corner, page coordinates, inside the frame. */
  notes: Array<{ id: string; x: number; y: number }>;
}

export interface ClusterOptions {
  /** Between the notes and the frame's edge. */
  padding?: number;
  /** Between two notes. */
  gap?: number;
  /** Room kept free above the frame for its name, which tldraw draws above it. */
  titleSpace?: number;
}

const DEFAULTS = { padding: 30, gap: 10, titleSpace: 48 };

/**
 * A new cluster: its notes gathered into a compact grid (up to 3 across, 4 from ten notes on), in
 * their reading order, and the frame around them put at the free spot of the zone nearest to
 * where the notes were — clear of the other clusters and notes and of their names, so no two
 * clusters overlap and no frame swallows a note that is not in it. Without a zone, or with no
 * free spot left, the frame stays where the notes were.
 */
export function planCluster(
  notes: readonly ClusterNote[],
  zone: Rect | null,
  obstacles: readonly Rect[],
  options: ClusterOptions = {},
): ClusterPlan | null {
  if (notes.length === 0) return null;
  const { padding, gap, titleSpace } = { ...DEFAULTS, ...options };
  const ordered = [...notes].sort(
    (a, b) =>
      Math.floor(a.y / NOTE_SIZE) - Math.floor(b.y / NOTE_SIZE) || a.x - b.x || (a.id < b.id ? -1 : 1),
  );
  const columns = notes.length <= 3 ? notes.length : notes.length <= 9 ? 3 : 4;
  const rows = Math.ceil(notes.length / columns);
  const slotW = Math.max(...notes.map((n) => n.w));
  const slotH = Math.max(...notes.map((n) => n.h));
  const size = {
    w: Math.round(columns * slotW + (columns - 1) * gap + 2 * padding),
    h: Math.round(rows * slotH + (rows - 1) * gap + 2 * padding),
  };
  const preferred = {
    x: Math.round(Math.min(...notes.map((n) => n.x)) - padding),
    y: Math.round(Math.min(...notes.map((n) => n.y)) - padding),
  };
  const spot = zone
    ? nearestFreeSpot(zone, obstacles, size, preferred, { padding: 0, gap, reserveAbove: titleSpace })
    : null;
  const frame = { ...(spot ?? preferred), ...size };
  return {
    frame,
    notes: ordered.map((note, i) => ({
      id: note.id,
      x: frame.x + padding + (i % columns) * (slotW + gap),
      y: frame.y + padding + Math.floor(i / columns) * (slotH + gap),
    })),
  };
}
