import { describe, expect, it } from 'vitest';
import { textSplice, type TextSplice } from './text-splice';

const apply = (text: string, s: TextSplice | null) =>
  s ? text.slice(0, s.index) + s.insert + text.slice(s.index + s.remove) : text;

describe('textSplice', () => {
  it.each([
    ['', 'abc'],
    ['abc', ''],
    ['Kraków i Gdańsk', 'Kraków, Łódź i Gdańsk'],
    ['one two three', 'one three'],
    ['aaaa', 'aaaaa'],
    ['x😀y', 'x😃y'],
    ['😀', ''],
    ['zażółć', 'zażółć gęślą'],
  ])('turns %j into %j with one splice', (before, after) => {
    expect(apply(before, textSplice(before, after))).toBe(after);
  });

  it('is null when nothing changed', () => {
    expect(textSplice('abc', 'abc')).toBeNull();
  });

  it('uses the caret to place an insertion among repeated letters', () => {
    // Typing "a" at the end of "aa": the caret is at 3.
    expect(textSplice('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
    // …and at the start: the caret is at 1.
    expect(textSplice('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
  });

  it('never splits a surrogate pair', () => {
    const s = textSplice('a😀', 'a😃');
    expect(s).not.toBeNull();
    expect(s?.remove).toBe(2);
    expect(s?.insert).toBe('😃');
  });
});
