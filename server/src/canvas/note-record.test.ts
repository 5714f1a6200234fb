import type { IndexKey } from '@tldraw/utils';
import { describe, expect, it } from 'vitest';
import { estimatedNoteGrowY } from '@empiria/formats';
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

  it('is as tall as its author’s screen measured it, in the style it was measured in (D54)', () => {
    const measured = noteRecord({
      id: 'shape:measured',
      text: 'Długi tekst',
      x: 0,
      y: 0,
      index: 'a2' as IndexKey,
      color: 'yellow',
      growY: 137,
      fontSizeAdjustment: 0.8,
    });
    expect(measured.props).toMatchObject({
      growY: 137,
      fontSizeAdjustment: 0.8,
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
    });
  });

  it('grows by the server’s estimate when no screen measured it', () => {
    const text = 'Za mało ludzi\nBrak danych\nBrak budżetu\nProcedury\nPrzetargi\nRadni\nRowery';
    const estimated = noteRecord({
      id: 'shape:estimated',
      text,
      x: 0,
      y: 0,
      index: 'a3' as IndexKey,
      color: 'yellow',
    });
    expect(estimated.props.growY).toBe(estimatedNoteGrowY(text));
    // Seven lines of 30 units, the padding and the author's room: 262, 62 beyond the square.
    expect(estimated.props.growY).toBe(62);
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
