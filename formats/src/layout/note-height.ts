import { NOTE_SIZE } from './geometry';

/**
 * How tall a sticky note is drawn for its text: tldraw's `growY`, the units a note grows below its
 * 200-unit square when its label needs more. tldraw measures it in the browser, on the screen that
 * creates or edits the note (D53, D54); the server, which writes revealed notes, has no fonts and
 * uses the height the author's screen measured, or else `estimatedNoteGrowY`.
 */

/**
 * Room at the bottom of every note for the author line the board draws there (D53): the text's
 * area ends this much higher (client/src/note-shape/board-note.css), and a note grows by it when
 * its text needs the whole height. In page units at the note's scale 1.
 */
export const NOTE_AUTHOR_ROOM = 20;

/** tldraw's padding around a note's text (LABEL_PADDING), on every side. */
export const NOTE_LABEL_PADDING = 16;

/**
 * How much taller than its base height (`noteHeight`, 200) a note is drawn (tldraw's `growY`) for
 * a label of `labelHeight` (text and padding, as tldraw measures it), with the author's room kept.
 */
export function noteGrowY(labelHeight: number, noteHeight: number = NOTE_SIZE): number {
  return Math.max(0, Math.ceil(labelHeight + NOTE_AUTHOR_ROOM - noteHeight));
}

/**
 * The label of a note as the server writes it (size `m`, font `draw`): tldraw's 16 px × 1.375, a
 * line of round(22 × 1.35) px, and the width tldraw measures the text in (the note's 200 less the
 * padding on both sides, less its 1 px of give).
 */
const FONT_PX = 22;
const LINE_PX = 30;
const TEXT_WIDTH_EM = (NOTE_SIZE - 2 * NOTE_LABEL_PADDING - 1) / FONT_PX;

/**
 * Advance widths (em) of IBM Plex Sans Medium, the face the board draws tldraw's `draw` font in
 * (client/src/canvas/tldraw-assets.ts, D15), measured in Chromium and rounded up to 0.01 em, so
 * that a line adds up no narrower than it is drawn and wraps no later than the browser's.
 */
const WIDTHS: ReadonlyArray<readonly [number, string]> = [
  [0.26, "'"],
  [0.27, 'ij'],
  [0.28, 'l/'],
  [0.29, '’‘'],
  [0.3, '.,!'],
  [0.31, '‹›'],
  [0.32, 'ł;:'],
  [0.33, '[]'],
  [0.34, '()'],
  [0.35, 'f²³'],
  [0.36, 't|{}·'],
  [0.39, 'r'],
  [0.41, '-'],
  [0.42, 'I\\•'],
  [0.46, '"'],
  [0.48, '°'],
  [0.49, 'szśźż?'],
  [0.51, 'cć„”“'],
  [0.52, 'vyL*'],
  [0.53, 'JŁ'],
  [0.54, 'x«»'],
  [0.55, 'agką'],
  [0.56, 'eę'],
  [0.57, 'oó_'],
  [0.58, 'F§'],
  [0.59, 'hnuSńŚ–'],
  [0.6, 'bdpqETZĘŹŻ$'],
  [0.61, '0123456789+<>=~^`×'],
  [0.62, 'Y'],
  [0.63, 'CPĆ€'],
  [0.64, 'VX'],
  [0.66, 'BR'],
  [0.67, 'KĄ'],
  [0.68, 'A#'],
  [0.69, 'DU'],
  [0.71, 'G&'],
  [0.72, 'HNOQŃÓ'],
  [0.79, '—'],
  [0.8, 'w'],
  [0.82, 'M'],
  [0.85, '…'],
  [0.86, '½'],
  [0.89, 'm'],
  [0.9, '@'],
  [0.93, 'W'],
  [0.95, '%'],
];
const WIDTH_OF = new Map<string, number>(
  WIDTHS.flatMap(([em, chars]) => [...chars].map((c) => [c, em] as const)),
);
const SPACE_EM = 0.24;
/** Any other letter of an alphabet: as wide as the widest common capital. */
const OTHER_EM = 0.8;
/** CJK, emoji and the like, drawn by a fallback font a full em wide or more. */
const WIDE_EM = 1.15;

function charWidth(char: string): number {
  const known = WIDTH_OF.get(char);
  if (known !== undefined) return known;
  const code = char.codePointAt(0)!;
  // A combining accent takes no room; an accented letter is as wide as its letter (é as e).
  if (code >= 0x300 && code <= 0x36f) return 0;
  const base = WIDTH_OF.get(char.normalize('NFD')[0]!);
  if (base !== undefined) return base;
  return code >= 0x2e80 ? WIDE_EM : OTHER_EM;
}

/**
 * The pieces Chromium may break a word (between spaces) into, as measured (UAX #14): after a
 * hyphen, an en dash, a question mark or an ellipsis, and on both sides of an em dash — each only
 * next to a letter or digit ("easier?”." stays whole). Not at a slash or other marks.
 */
function piecesOf(word: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  let prev = '';
  for (const c of word) {
    const breaks =
      (BREAK_AFTER.includes(prev) && ALNUM.test(c)) ||
      (c === '—' && ALNUM.test(prev)) ||
      (prev === '—' && ALNUM.test(c));
    if (breaks && piece !== '') {
      pieces.push(piece);
      piece = '';
    }
    piece += c;
    prev = c;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
const BREAK_AFTER = '-–?…';
const ALNUM = /^[\p{L}\p{N}]$/u;

/**
 * How many lines `text` takes on a note of size `m` (paragraphs by line break), wrapped as the
 * browser wraps it (`white-space: pre-wrap; overflow-wrap: break-word`): at spaces and the marks
 * above, a piece wider than a line broken where it overflows.
 */
export function estimatedNoteLines(text: string): number {
  let lines = 0;
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    lines += 1;
    let x = 0;
    for (const token of paragraph.split(/( +)/)) {
      if (token === '') continue;
      if (token.startsWith(' ')) {
        // Spaces hang at the end of a line (pre-wrap): they never start a new one.
        x += token.length * SPACE_EM;
        continue;
      }
      for (const piece of piecesOf(token)) {
        const chars = [...piece];
        const width = chars.reduce((sum, c) => sum + charWidth(c), 0);
        if (x + width <= TEXT_WIDTH_EM) {
          x += width;
        } else if (width <= TEXT_WIDTH_EM) {
          lines += 1;
          x = width;
        } else {
          // Wider than the note: on a line of its own, broken where it overflows.
          if (x > 0) lines += 1;
          x = 0;
          for (const c of chars) {
            const w = charWidth(c);
            if (x + w > TEXT_WIDTH_EM && x > 0) {
              lines += 1;
              x = 0;
            }
            x += w;
          }
        }
      }
    }
  }
  return Math.max(1, lines);
}

/**
 * A `growY` for a note the server writes with `text` and no height measured by a browser (D54):
 * its lines as Chromium wraps them in the font the note is drawn in, each width rounded up (so a
 * line more at times, not one less; test/e2e/reveal-legibility.test.ts compares it with tldraw's
 * measure in the browser), with the author's room (D53). What tldraw does for a word too wide for
 * the note (a smaller font) only makes the text shorter.
 */
export function estimatedNoteGrowY(text: string): number {
  return noteGrowY(estimatedNoteLines(text) * LINE_PX + 2 * NOTE_LABEL_PADDING);
}
