/**
 * Room at the bottom of every note for the line the board draws there (the author, when the
 * facilitator shows authors: `CanvasOverlay`'s `.fac-author`). The note's text never runs into it:
 * the text's area ends this much higher (`board-note.css`), and a note grows by it when its text
 * needs the whole height (`noteGrowY`). Every note keeps the room whether authors are shown or
 * not, so a note's size — shared by everyone on the board — does not depend on a switch.
 *
 * The room, tldraw's padding and `noteGrowY` live in @empiria/formats (note-height.ts): the server
 * estimates a note's height with them when no screen measured it (D54).
 */
export { NOTE_AUTHOR_ROOM, NOTE_LABEL_PADDING, noteGrowY } from '@empiria/formats';

/**
 * The author line's box, from the note's bottom edge (page units at scale 1): it sits this high
 * above the bottom and is at most this tall (its font is 14 units, up to 22.4 when zoomed out,
 * with a line height of 1.2; `.fac-author`). Its top stays below the text's area.
 */
export const AUTHOR_LINE_BOTTOM = 6;
export const AUTHOR_LINE_MAX_HEIGHT = 27;
