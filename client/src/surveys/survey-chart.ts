/**
 * The geometry of the results' charts, pure (the components only draw it): bars for the answers
 * given to each point of a 1–5 scale, and a line of a question's mean across surveys.
 */

export interface Bar {
  /** The scale point, 1…5. */
  value: number;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const BAR_CHART = { width: 260, height: 120, gap: 8, labelSpace: 18 } as const;

/** One bar per scale point; the tallest bar fills the height (with no answers, none has height). */
export function scaleBars(distribution: readonly number[]): Bar[] {
  const { width, height, gap, labelSpace } = BAR_CHART;
  const plot = height - labelSpace;
  const most = Math.max(0, ...distribution);
  const barWidth = (width - gap * (distribution.length - 1)) / distribution.length;
  return distribution.map((count, index) => {
    const barHeight = most === 0 ? 0 : Math.round((count / most) * (plot - 14));
    return {
      value: index + 1,
      count,
      x: Math.round(index * (barWidth + gap)),
      y: plot - barHeight,
      width: Math.round(barWidth),
      height: barHeight,
    };
  });
}

export interface TrendPoint {
  mean: number;
  x: number;
  y: number;
}

export const TREND_CHART = { width: 260, height: 80, padding: 10 } as const;

/** Means 1…5 on the height, the surveys evenly along the width, oldest on the left. */
export function trendPoints(means: readonly number[]): TrendPoint[] {
  const { width, height, padding } = TREND_CHART;
  const step = means.length > 1 ? (width - 2 * padding) / (means.length - 1) : 0;
  return means.map((mean, index) => ({
    mean,
    x: Math.round(padding + index * step),
    y: Math.round(height - padding - ((mean - 1) / 4) * (height - 2 * padding)),
  }));
}
