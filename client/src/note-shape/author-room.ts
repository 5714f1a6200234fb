/**
 * Room at the bottom of every note for the line the board draws there (the author, when the
 * facilitator shows authors: `CanvasOverlay`'s `.fac-author`). The note's text never runs into it:
 * the text's area ends this much higher (`board-note.css`), and a note grows by it when its text
 * needs the whole height (`noteGrowY`). Every note keeps the room whether authors are shown or
 * not, so a note's size — shared by everyone on the board — does not depend on a switch.
 *
 * In page units at the note's scale 1 (a note's content scales with it).
 */
export const NOTE_AUTHOR_ROOM = 20;

/** tldraw's padding around a note's text (LABEL_PADDING), on every side. */
export const NOTE_LABEL_PADDING = 16;

/**
 * The author line's box, from the note's bottom edge (page units at scale 1): it sits this high
 * above the bottom and is at most this tall (its font is 14 units, up to 22.4 when zoomed out,
 * with a line height of 1.2; `.fac-author`). Its top stays below the text's area.
 */
export const AUTHOR_LINE_BOTTOM = 6;
export const AUTHOR_LINE_MAX_HEIGHT = 27;

/**
 * How much taller than its base height (`noteHeight`, 200) a note is drawn (tldraw's `growY`) for
 * a label of `labelHeight` (text and padding, as tldraw measures it), with the author's room kept.
 */
export function noteGrowY(labelHeight: number, noteHeight: number): number {
  return Math.max(0, Math.ceil(labelHeight + NOTE_AUTHOR_ROOM - noteHeight));
}
