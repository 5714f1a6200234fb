/**
 * Locked sheets: once a step is done the facilitator can lock its sheet (control `lockedSteps`).
 * Participants' tldraw then refuses to create, move, edit or delete notes on it; the facilitator
 * and the expert keep every right (they may need to tidy up).
 */
export interface SheetRect {
  stepId: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/** The locked sheet under `point`, or null. */
export function lockedSheetAt(
  sheets: readonly SheetRect[],
  lockedSteps: readonly string[],
  point: Point,
): string | null {
  if (lockedSteps.length === 0) return null;
  for (const sheet of sheets) {
    if (!lockedSteps.includes(sheet.stepId)) continue;
    if (
      point.x >= sheet.x &&
      point.x < sheet.x + sheet.w &&
      point.y >= sheet.y &&
      point.y < sheet.y + sheet.h
    )
      return sheet.stepId;
  }
  return null;
}

/**
 * Whether a change of a shape is allowed: refused when the shape was on a locked sheet before,
 * or would be on one after (dragging a note onto a finished sheet). `before` null for a new shape,
 * `after` null for a deletion.
 */
export function changeAllowed(
  sheets: readonly SheetRect[],
  lockedSteps: readonly string[],
  before: Point | null,
  after: Point | null,
): boolean {
  if (before && lockedSheetAt(sheets, lockedSteps, before)) return false;
  if (after && lockedSheetAt(sheets, lockedSteps, after)) return false;
  return true;
}

/** `lockedSteps` with `stepId` locked or unlocked, in the format's step order. */
export function toggleLock(
  lockedSteps: readonly string[],
  stepId: string,
  locked: boolean,
  order: readonly string[],
): string[] {
  const set = new Set(lockedSteps);
  if (locked) set.add(stepId);
  else set.delete(stepId);
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...set].sort((a, b) => rank(a) - rank(b));
}
