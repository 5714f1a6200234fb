import type { IndexKey } from '@tldraw/utils';
import { describe, expect, it } from 'vitest';
import { photoRecords } from './photo-records';

const BOX = { maxWidth: 975, maxHeight: 1365 };
const recordsFor = (pixelWidth: number, pixelHeight: number, orientation = 1) =>
  photoRecords({
    photoId: 'abcdefghijkl',
    src: '/api/photos/abcdefghijkl',
    name: 'Ala — 2025-05-01 10:00',
    mimeType: 'image/jpeg',
    pixelWidth,
    pixelHeight,
    orientation,
    fileSize: 1000,
    x: 0,
    y: 0,
    ...BOX,
    index: 'a1' as IndexKey,
    meta: { stepId: null, author: { id: 'p1', name: 'Ala' } },
  });

describe('a photo on the canvas', () => {
  it('[U6] a phone photo fills the box’s width, upright or turned', () => {
    expect(recordsFor(4032, 3024).bounds).toEqual({ w: 975, h: 731 });
    // Orientation 6: stored 4032×3024, seen 3024 wide and 4032 tall.
    const turned = recordsFor(4032, 3024, 6);
    expect(turned.bounds).toEqual({ w: 975, h: 1300 });
    expect(turned.asset.props).toMatchObject({ w: 4032, h: 3024 });
  });

  it('[U6] whatever the proportions, the shape stays within the box and at least a unit a side', () => {
    for (const [w, h, o] of [
      [12_000, 1, 1],
      [1, 12_000, 1],
      [1, 12_000, 6],
      [9_000, 16_000, 1],
      [1, 1, 1],
    ] as const) {
      const { shape, bounds } = recordsFor(w, h, o);
      expect(bounds.w).toBeLessThanOrEqual(BOX.maxWidth);
      expect(bounds.h).toBeLessThanOrEqual(BOX.maxHeight);
      expect(Math.min(shape.props.w, shape.props.h)).toBeGreaterThanOrEqual(1);
    }
    // A tall 9:16 photo is held by the height, not drawn over the row below.
    expect(recordsFor(900, 1600).bounds).toEqual({ w: 768, h: 1365 });
  });

  it('[U6] a size that is not a positive number is refused, not put on the canvas', () => {
    for (const [w, h] of [
      [0, 100],
      [100, Number.NaN],
      [-5, 5],
      [Number.POSITIVE_INFINITY, 5],
    ]) {
      expect(() => recordsFor(w as number, h as number)).toThrow(RangeError);
    }
  });
});
