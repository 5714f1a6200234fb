import { describe, expect, it } from 'vitest';
import { estimateLines, textHeight, textWidth } from './text-metrics';
import { LINE_HEIGHT, typography } from './typography';

describe('text estimates', () => {
  it('wraps by words at an estimated character width', () => {
    // 10 units per character at font size 10/0.56 → 10 characters a line.
    const fontSize = 10 / 0.56;
    expect(estimateLines('one two', fontSize, 100)).toBe(1);
    expect(estimateLines('one two three four', fontSize, 100)).toBe(2);
    expect(estimateLines('a\nb', fontSize, 100)).toBe(2);
    expect(estimateLines('abcdefghijklmnopqrstuvwxy', fontSize, 100)).toBe(3);
  });

  it('sizes a box for the longer of the two languages', () => {
    const style = typography.instruction;
    const short = textHeight({ pl: 'Krótko.', en: 'Short.' }, style, 1200);
    const long = textHeight(
      { pl: 'Krótko.', en: 'A much longer English sentence that wraps onto a second line.' },
      style,
      1200,
    );
    expect(short).toBe(Math.ceil(style.fontSize * LINE_HEIGHT));
    expect(long).toBe(Math.ceil(2 * style.fontSize * LINE_HEIGHT));
    expect(textWidth({ pl: 'abcd', en: 'ab' }, style)).toBe(Math.ceil(4 * style.fontSize * 0.56));
  });
});
