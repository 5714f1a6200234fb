import { NOTE_SIZE } from '@empiria/formats';

/** At most this many notes from one paste: a longer text is more likely a mistake. */
export const MAX_PASTED_NOTES = 60;

/**
 * The notes in a pasted text: one per non-empty line, with list markers ("- ", "• ", "1. ",
 * "a) ") and surrounding spaces removed. A single line makes a single note.
 */
export function linesToNotes(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(/^\s*(?:[-–—*•·▪◦]|\d{1,3}[.)]|[a-zA-Z][.)])\s+/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line.length > 0)
    .slice(0, MAX_PASTED_NOTES);
}

export interface GridOptions {
  /** Space between notes, page units. */
  gap: number;
  /** At most this many notes side by side. */
  maxColumns: number;
  noteSize: number;
}

export const DEFAULT_GRID: GridOptions = { gap: 20, maxColumns: 5, noteSize: NOTE_SIZE };

/**
 * Top-left corners of `count` notes in a grid centred on `centre`: as square as it can be, up to
 * `maxColumns` wide, filled row by row in reading order.
 */
export function gridPositions(
  count: number,
  centre: { x: number; y: number },
  options: GridOptions = DEFAULT_GRID,
): { x: number; y: number }[] {
  if (count <= 0) return [];
  const columns = Math.min(options.maxColumns, Math.ceil(Math.sqrt(count)));
  const rows = Math.ceil(count / columns);
  const pitch = options.noteSize + options.gap;
  const width = columns * pitch - options.gap;
  const height = rows * pitch - options.gap;
  const left = centre.x - width / 2;
  const top = centre.y - height / 2;
  return Array.from({ length: count }, (_, i) => ({
    x: Math.round(left + (i % columns) * pitch),
    y: Math.round(top + Math.floor(i / columns) * pitch),
  }));
}
