import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shiftThroughDelta, type TextDeltaStep } from './text-delta';

/** The delta of one remote change, as a Y.Text observer receives it. */
function deltaOf(initial: string, change: (text: Y.Text) => void): TextDeltaStep[] {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, initial);
  let delta: TextDeltaStep[] = [];
  text.observe((event) => {
    delta = event.delta as TextDeltaStep[];
  });
  change(text);
  return delta;
}

describe('shiftThroughDelta', () => {
  const text = 'Kraków i Gdańsk';
  it.each([
    ['an insertion before the caret pushes it on', (t: Y.Text) => t.insert(0, 'Cel: '), 10, 15],
    ['an insertion after the caret leaves it', (t: Y.Text) => t.insert(12, 'X'), 10, 10],
    ['an insertion at the caret goes after it', (t: Y.Text) => t.insert(10, 'XYZ'), 10, 10],
    ['a deletion before the caret pulls it back', (t: Y.Text) => t.delete(0, 7), 10, 3],
    ['a deletion around the caret puts it where the text was', (t: Y.Text) => t.delete(8, 4), 10, 8],
    ['a deletion after the caret leaves it', (t: Y.Text) => t.delete(11, 2), 10, 10],
    [
      'a replacement before the caret counts both',
      (t: Y.Text) => {
        t.doc?.transact(() => {
          t.delete(0, 6);
          t.insert(0, 'Łódź');
        });
      },
      10,
      8,
    ],
  ])('%s', (_name, change, caret, expected) => {
    expect(shiftThroughDelta(caret, deltaOf(text, change))).toBe(expected);
  });
});
