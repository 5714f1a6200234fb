import type { LocalizedText } from '../localized-text';
import { LINE_HEIGHT, type TextStyle } from './typography';

/**
 * An average character width, as a share of the font size, on the safe side for tldraw's sans
 * font with Polish diacritics and capitals: the template reserves the room its text needs
 * without measuring it in a browser, so the estimate must not come out short.
 */
const CHAR_WIDTH_EM = 0.56;

/** How many lines a text wraps to in `width`, by greedy word wrap on estimated widths. */
export function estimateLines(text: string, fontSize: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * CHAR_WIDTH_EM)));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (used > 0 && used + 1 + word.length <= perLine) {
        used += 1 + word.length;
        continue;
      }
      if (used > 0) lines += 1;
      used = word.length;
      // A word longer than a line breaks over several.
      while (used > perLine) {
        lines += 1;
        used -= perLine;
      }
    }
  }
  return lines;
}

/** The height of a text block in both languages: the longer decides, so the layout never moves. */
export function textHeight(text: LocalizedText, style: TextStyle, width: number): number {
  const lines = Math.max(
    estimateLines(text.pl, style.fontSize, width),
    estimateLines(text.en, style.fontSize, width),
  );
  return Math.ceil(lines * style.fontSize * LINE_HEIGHT);
}

/** The width a one-line label needs in both languages. */
export function textWidth(text: LocalizedText, style: TextStyle): number {
  const longest = (s: string) => Math.max(...s.split('\n').map((line) => line.length));
  return Math.ceil(Math.max(longest(text.pl), longest(text.en)) * style.fontSize * CHAR_WIDTH_EM);
}
