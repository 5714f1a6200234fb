import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AUTHOR_LINE_BOTTOM,
  AUTHOR_LINE_MAX_HEIGHT,
  NOTE_AUTHOR_ROOM,
  NOTE_LABEL_PADDING,
  noteGrowY,
} from './author-room';

describe('the author’s room at the bottom of a note', () => {
  it('leaves a short text’s note at its base height', () => {
    expect(noteGrowY(120, 200)).toBe(0);
    expect(noteGrowY(200 - NOTE_AUTHOR_ROOM, 200)).toBe(0);
  });

  it('grows a note whose text needs its whole height by the room, beyond what tldraw grows it', () => {
    // tldraw's growY for a 260-unit label is 60; the text then ends at the note's padding.
    expect(noteGrowY(260, 200)).toBe(60 + NOTE_AUTHOR_ROOM);
    expect(noteGrowY(190, 200)).toBe(10);
  });

  it('is enough for the author line at its largest (zoomed out), above tldraw’s padding', () => {
    expect(AUTHOR_LINE_BOTTOM + AUTHOR_LINE_MAX_HEIGHT).toBeLessThanOrEqual(
      NOTE_LABEL_PADDING + NOTE_AUTHOR_ROOM,
    );
    // 14 units, up to ×1.6 when zoomed out, at a line height of 1.2 (`.fac-author`).
    expect(AUTHOR_LINE_MAX_HEIGHT).toBeGreaterThanOrEqual(14 * 1.6 * 1.2);
  });

  it('is what the note’s stylesheet pads the text’s bottom by', () => {
    const css = readFileSync(new URL('./board-note.css', import.meta.url), 'utf8');
    expect(css).toContain(`padding-bottom: ${NOTE_LABEL_PADDING + NOTE_AUTHOR_ROOM}px !important;`);
  });
});
