import { describe, expect, it } from 'vitest';
import { CITY_PALETTE } from '@empiria/shared';
import { contrastRatio, readableTextOn } from './readable-text';

describe('text on a city colour', () => {
  it('reads at 4.5:1 or better on every city colour', () => {
    for (const colour of CITY_PALETTE) {
      expect(contrastRatio(colour, readableTextOn(colour)), colour).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('is white where white reads, dark on the light greens and oranges', () => {
    expect(readableTextOn('#1d4ed8')).toBe('#ffffff');
    expect(readableTextOn('#2e933c')).toBe('#111111');
  });
});
