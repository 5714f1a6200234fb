export interface LatencyStats {
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of a set of latencies (ms); NaN for an empty set. */
export function latencyStats(values: ArrayLike<number>): LatencyStats {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => {
    if (sorted.length === 0) return NaN;
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank] as number;
  };
  return { p50: at(50), p99: at(99), max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : NaN };
}
