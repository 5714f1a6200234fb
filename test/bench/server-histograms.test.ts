import { describe, expect, it } from 'vitest';
import { parseHistograms, quantileMs, summarise } from './server-histograms';

/** What prom-client writes for the two histograms (buckets abridged). */
const exposition = (append: number[], local: number[], cross: number[]) =>
  [
    '# HELP empiria_append_duration_seconds DocumentStore.append',
    '# TYPE empiria_append_duration_seconds histogram',
    `empiria_append_duration_seconds_bucket{le="0.001"} ${append[0]}`,
    `empiria_append_duration_seconds_bucket{le="0.01"} ${append[1]}`,
    `empiria_append_duration_seconds_bucket{le="+Inf"} ${append[2]}`,
    `empiria_append_duration_seconds_sum 0.5`,
    `empiria_append_duration_seconds_count ${append[2]}`,
    `empiria_relay_duration_seconds_bucket{le="0.01",path="local"} ${local[0]}`,
    `empiria_relay_duration_seconds_bucket{le="0.1",path="local"} ${local[1]}`,
    `empiria_relay_duration_seconds_bucket{le="+Inf",path="local"} ${local[2]}`,
    `empiria_relay_duration_seconds_bucket{le="0.01",path="cross_process"} ${cross[0]}`,
    `empiria_relay_duration_seconds_bucket{le="0.1",path="cross_process"} ${cross[1]}`,
    `empiria_relay_duration_seconds_bucket{le="+Inf",path="cross_process"} ${cross[2]}`,
    'process_cpu_seconds_total 1.5',
  ].join('\n');

describe('server histograms', () => {
  it('reads each histogram by its labels, bounds ascending', () => {
    const snapshot = parseHistograms(exposition([1, 2, 3], [4, 5, 6], [7, 8, 9]));
    expect(snapshot.append).toEqual([
      [0.001, 1],
      [0.01, 2],
      [Infinity, 3],
    ]);
    expect(snapshot.relayLocal.map(([, n]) => n)).toEqual([4, 5, 6]);
    expect(snapshot.relayCross.map(([, n]) => n)).toEqual([7, 8, 9]);
  });

  it('interpolates within the bucket a quantile falls in, as histogram_quantile does', () => {
    // 10 below 1 ms, 10 more below 10 ms: the median is the top of the first bucket, p75 halfway up the second.
    const buckets: [number, number][] = [
      [0.001, 10],
      [0.01, 20],
      [Infinity, 20],
    ];
    expect(quantileMs(buckets, 0.5)).toBeCloseTo(1);
    expect(quantileMs(buckets, 0.75)).toBeCloseTo(5.5);
    expect(
      quantileMs(
        [
          [0.01, 0],
          [Infinity, 0],
        ],
        0.5,
      ),
    ).toBeNaN();
    // Beyond the last finite bound: that bound, the most a histogram can say.
    expect(
      quantileMs(
        [
          [0.01, 0],
          [Infinity, 4],
        ],
        0.99,
      ),
    ).toBeCloseTo(10);
  });

  it('counts only what happened between the readings, over every process', () => {
    const before = [exposition([1, 1, 1], [0, 0, 0], [0, 0, 0]), exposition([0, 0, 0], [0, 0, 0], [0, 0, 0])];
    const after = [
      exposition([1, 11, 11], [0, 10, 10], [0, 0, 0]),
      exposition([0, 0, 10], [5, 5, 5], [2, 2, 2]),
    ];
    const summary = summarise(before.map(parseHistograms), after.map(parseHistograms));
    expect(summary.append.count).toBe(20);
    expect(summary.relayLocal.count).toBe(15);
    expect(summary.relayCross).toMatchObject({ count: 2 });
    expect(summary.relayCross.p99).toBeLessThanOrEqual(10);
  });
});
