import type { Editor } from 'tldraw';

/**
 * Who is moving a board's camera right now, when it is not the person: the group's step (the
 * sheet glide of `follow/`), or the person being followed (`facilitation/view-sync.ts`, which also
 * carries out a summon). Each of them changes the camera only inside `moveCamera`, synchronously
 * (a glide is a frame loop of immediate moves), so a camera change seen with no mover set is the
 * person's own: a wheel, a pinch, the hand tool, a zoom shortcut, the minimap.
 *
 * One owner for that fact lets each binding tell the other's moves from the person's, where a
 * time window after a step change used to guess, and undid a wheel that fell inside it.
 */
export type CameraMover = 'step' | 'leader';

const movers = new WeakMap<Editor, CameraMover>();

export function moveCamera(editor: Editor, mover: CameraMover, change: () => void): void {
  const outer = movers.get(editor);
  movers.set(editor, mover);
  try {
    change();
  } finally {
    if (outer) movers.set(editor, outer);
    else movers.delete(editor);
  }
}

/** The mover of the camera change being made now; null when it is the person's. */
export function cameraMover(editor: Editor): CameraMover | null {
  return movers.get(editor) ?? null;
}
