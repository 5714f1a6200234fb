import { describe, expect, it } from 'vitest';
import { columnPageStarts, rowPageStarts } from './room-pages';

describe('the room display’s pages', () => {
  it('is one page when the columns fit', () => {
    expect(columnPageStarts(1000, 1000, 40)).toEqual([0]);
    expect(columnPageStarts(0, 1000, 40)).toEqual([0]);
  });

  it('pages columns by the box’s width plus a gap, the last one partly filled', () => {
    // Three columns of 300 with gaps of 50 per page (1000 wide); seven columns in all.
    const scroll = 7 * 300 + 6 * 50;
    expect(columnPageStarts(scroll, 1000, 50)).toEqual([0, 1050, 2100]);
  });

  it('starts a page of rows at the first block that would be cut', () => {
    const blocks = [
      { top: 0, bottom: 300 },
      { top: 0, bottom: 200 },
      { top: 320, bottom: 700 },
      { top: 720, bottom: 900 },
      { top: 920, bottom: 1300 },
    ];
    expect(rowPageStarts(blocks, 800)).toEqual([0, 720]);
    expect(rowPageStarts(blocks, 2000)).toEqual([0]);
  });

  it('cuts a block taller than the box, and ends', () => {
    expect(rowPageStarts([{ top: 0, bottom: 2500 }], 1000)).toEqual([0, 1000, 2000]);
    expect(rowPageStarts([], 1000)).toEqual([0]);
  });
});
