import { describe, expect, it } from 'vitest';
import { BAR_CHART, scaleBars, TREND_CHART, trendPoints } from './survey-chart';

describe('the results’ charts', () => {
  it('draws the most frequent answer as the tallest bar and an empty point as no bar', () => {
    const bars = scaleBars([0, 1, 0, 4, 2]);
    expect(bars.map((bar) => bar.value)).toEqual([1, 2, 3, 4, 5]);
    const tallest = Math.max(...bars.map((bar) => bar.height));
    expect(bars[3]?.height).toBe(tallest);
    expect(bars[0]?.height).toBe(0);
    expect(bars[4]!.height).toBeCloseTo(tallest / 2, 0);
    // Bars stand on the same base line and stay inside the chart.
    for (const bar of bars) {
      expect(bar.y + bar.height).toBe(BAR_CHART.height - BAR_CHART.labelSpace);
      expect(bar.x + bar.width).toBeLessThanOrEqual(BAR_CHART.width);
    }
  });

  it('has no bars with height when nobody answered', () => {
    expect(scaleBars([0, 0, 0, 0, 0]).every((bar) => bar.height === 0)).toBe(true);
  });

  it('puts a mean of 5 at the top and 1 at the bottom, oldest survey on the left', () => {
    const [first, second] = trendPoints([1, 5]);
    expect(first).toMatchObject({ x: TREND_CHART.padding, y: TREND_CHART.height - TREND_CHART.padding });
    expect(second).toMatchObject({ x: TREND_CHART.width - TREND_CHART.padding, y: TREND_CHART.padding });
  });
});
