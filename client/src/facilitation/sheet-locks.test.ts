import { describe, expect, it } from 'vitest';
import { changeAllowed, lockedSheetAt, toggleLock } from './sheet-locks';

const sheets = [
  { stepId: 'a', x: 0, y: 0, w: 100, h: 100 },
  { stepId: 'b', x: 200, y: 0, w: 100, h: 100 },
];

describe('sheet locks', () => {
  it('finds the locked sheet under a point', () => {
    expect(lockedSheetAt(sheets, ['a'], { x: 50, y: 50 })).toBe('a');
    expect(lockedSheetAt(sheets, ['a'], { x: 250, y: 50 })).toBeNull();
    expect(lockedSheetAt(sheets, [], { x: 50, y: 50 })).toBeNull();
  });

  it('refuses changes on, into and out of a locked sheet', () => {
    const on = { x: 50, y: 50 };
    const free = { x: 250, y: 50 };
    expect(changeAllowed(sheets, ['a'], null, on)).toBe(false); // create
    expect(changeAllowed(sheets, ['a'], on, on)).toBe(false); // edit
    expect(changeAllowed(sheets, ['a'], free, on)).toBe(false); // drag in
    expect(changeAllowed(sheets, ['a'], on, free)).toBe(false); // drag out
    expect(changeAllowed(sheets, ['a'], on, null)).toBe(false); // delete
    expect(changeAllowed(sheets, ['a'], free, { x: 1000, y: 0 })).toBe(true);
  });

  it('keeps the locked steps in the format’s order', () => {
    expect(toggleLock(['c'], 'a', true, ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(toggleLock(['a', 'c'], 'a', false, ['a', 'b', 'c'])).toEqual(['c']);
    expect(toggleLock([], 'x', true, ['a'])).toEqual(['x']);
  });
});
