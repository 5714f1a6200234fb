/** One step of a Y.Text change as Yjs reports it (`event.delta`), for plain text. */
export type TextDeltaStep = { retain: number } | { insert: string } | { delete: number };

/**
 * Where a caret at `position` is after someone else's change: text inserted before it pushes it on,
 * text deleted before it pulls it back; an insertion exactly at the caret goes after it, so two
 * people typing at one point do not push each other's caret along.
 */
export function shiftThroughDelta(position: number, delta: readonly TextDeltaStep[]): number {
  let index = 0;
  let shifted = position;
  for (const step of delta) {
    if (index > position) break;
    if ('retain' in step) index += step.retain;
    // `retain` and `delete` count the old text; an insertion takes no room in it.
    else if ('insert' in step) {
      if (index < position) shifted += step.insert.length;
    } else {
      const removed = Math.min(step.delete, Math.max(0, position - index));
      shifted -= removed;
      index += step.delete;
    }
  }
  return shifted;
}
