import type { IndexKey } from '@tldraw/utils';
import { describe, expect, it } from 'vitest';
import { withReadableNoteLabel } from './canvas-document-rules';
import { noteRecord } from './note-record';

const note = noteRecord({
  id: 'shape:revealed',
  text: 'Brak budżetu na szkolenia',
  x: 10,
  y: 20,
  index: 'a1' as IndexKey,
  color: 'yellow',
  author: { id: 'p1', name: 'Anna', city: 'Lublin' },
});

describe('a note the server writes', () => {
  it('draws its label at full size, as a note a person creates (tldraw’s default props)', () => {
    // tldraw multiplies the label's font size by fontSizeAdjustment: 0 was a blank note.
    expect(note.props.fontSizeAdjustment).toBe(1);
    expect(note.props).toMatchObject({ scale: 1, growY: 0, size: 'm', labelColor: 'black' });
  });

  it('has no numeric prop at 0 that tldraw multiplies a size by', () => {
    for (const key of ['fontSizeAdjustment', 'scale'] as const) expect(note.props[key]).toBeGreaterThan(0);
  });
});

describe('a board whose notes were revealed with a 0 px label', () => {
  it('gets tldraw’s default label size back when its room loads; other records stay as they are', () => {
    const blank = { ...note, props: { ...note.props, fontSizeAdjustment: 0 } };
    expect(withReadableNoteLabel(blank).props.fontSizeAdjustment).toBe(1);
    // A client's own shrink for a long word is kept.
    const shrunk = { ...note, props: { ...note.props, fontSizeAdjustment: 0.7 } };
    expect(withReadableNoteLabel(shrunk)).toBe(shrunk);
    const frame = { typeName: 'shape', type: 'frame', props: { w: 1 } };
    expect(withReadableNoteLabel(frame)).toBe(frame);
  });
});
