/**
 * Where the buttons over a selection ("Cluster", "Ungroup", "To sheet 4") go on the screen: above
 * the selection when that covers nothing, else below it, to its right or left — never over a
 * note or a cluster that is not selected, where they would hide a neighbour's words. When every
 * side is taken, the side that covers least. Screen coordinates (the canvas's).
 */
export interface ScreenBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

const MARGIN = 8;

export function placeActionBar(
  selection: ScreenBox,
  bar: { w: number; h: number },
  obstacles: readonly ScreenBox[],
  view: { w: number; h: number },
): { x: number; y: number } {
  const cx = selection.x + selection.w / 2 - bar.w / 2;
  const cy = selection.y + selection.h / 2 - bar.h / 2;
  const candidates = [
    { x: cx, y: selection.y - bar.h - MARGIN },
    { x: cx, y: selection.y + selection.h + MARGIN },
    { x: selection.x + selection.w + MARGIN, y: cy },
    { x: selection.x - bar.w - MARGIN, y: cy },
  ].map((spot) => ({
    // Kept on the screen.
    x: Math.max(MARGIN, Math.min(view.w - bar.w - MARGIN, spot.x)),
    y: Math.max(MARGIN, Math.min(view.h - bar.h - MARGIN, spot.y)),
  }));
  let best = candidates[0]!;
  let least = Infinity;
  for (const spot of candidates) {
    const box = { ...spot, ...bar };
    // Over the selection itself is as bad as over a neighbour: it hides what is being acted on.
    const covered = [...obstacles, selection].reduce((sum, o) => sum + overlapArea(box, o), 0);
    if (covered === 0) return spot;
    if (covered < least) {
      least = covered;
      best = spot;
    }
  }
  return best;
}

function overlapArea(a: ScreenBox, b: ScreenBox): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
