/**
 * Where a bench row's time went, from the servers' own Prometheus histograms (`GET /metrics`,
 * docs/operations.md): the append to the store, and the relay from an update's arrival to its last
 * send, local (a socket of the process the writer used) and cross-process (the other processes,
 * from the origin's publish to the room's send). Read before and after the writing phase of a row
 * and subtracted, summed over the processes, so the figures cover that row only.
 *
 * A quantile is estimated as Prometheus's `histogram_quantile` does: linear within the bucket it
 * falls in, so it is only as fine as the buckets (server/src/ops/server-metrics.ts).
 */

/** The histograms read, by the name this module gives them. */
const SERIES = {
  append: { metric: 'empiria_append_duration_seconds', labels: '' },
  relayLocal: { metric: 'empiria_relay_duration_seconds', labels: 'path="local"' },
  relayCross: { metric: 'empiria_relay_duration_seconds', labels: 'path="cross_process"' },
} as const;

export type HistogramName = keyof typeof SERIES;

/** Cumulative counts per upper bound (seconds, `+Inf` as Infinity), ascending. */
type Buckets = [upperBound: number, cumulative: number][];

export type HistogramSnapshot = Record<HistogramName, Buckets>;

export interface HistogramSummary {
  count: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
}

export type HistogramSummaries = Record<HistogramName, HistogramSummary>;

const BUCKET_LINE = /^(\w+)_bucket\{([^}]*)\} (\S+)$/;

/** The three histograms' buckets from a Prometheus text exposition. */
export function parseHistograms(exposition: string): HistogramSnapshot {
  const snapshot: HistogramSnapshot = { append: [], relayLocal: [], relayCross: [] };
  for (const line of exposition.split('\n')) {
    const match = BUCKET_LINE.exec(line);
    if (!match) continue;
    const [, metric, labelText = '', value] = match;
    const le = /le="([^"]+)"/.exec(labelText)?.[1];
    if (le === undefined) continue;
    const others = labelText
      .split(',')
      .filter((label) => !label.startsWith('le='))
      .join(',');
    for (const [name, series] of Object.entries(SERIES) as [
      HistogramName,
      (typeof SERIES)[HistogramName],
    ][]) {
      if (series.metric === metric && series.labels === others)
        snapshot[name].push([le === '+Inf' ? Infinity : Number(le), Number(value)]);
    }
  }
  for (const buckets of Object.values(snapshot)) buckets.sort((a, b) => a[0] - b[0]);
  return snapshot;
}

/** `after − before`, bucket by bucket; a histogram absent before counts as zero. */
function subtract(after: Buckets, before: Buckets): Buckets {
  const earlier = new Map(before);
  return after.map(([bound, count]) => [bound, count - (earlier.get(bound) ?? 0)]);
}

function add(a: Buckets, b: Buckets): Buckets {
  if (a.length === 0) return b;
  const other = new Map(b);
  return a.map(([bound, count]) => [bound, count + (other.get(bound) ?? 0)]);
}

/** The q-quantile in milliseconds, interpolated within its bucket; NaN with no observations. */
export function quantileMs(buckets: Buckets, q: number): number {
  const total = buckets.at(-1)?.[1] ?? 0;
  if (total === 0) return NaN;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [bound, count] of buckets) {
    if (count >= rank) {
      // In the +Inf bucket the best answer is the highest finite bound, as Prometheus gives.
      if (bound === Infinity) return lowerBound * 1000;
      const within = count === lowerCount ? 0 : (rank - lowerCount) / (count - lowerCount);
      return (lowerBound + (bound - lowerBound) * within) * 1000;
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound * 1000;
}

/** Each histogram's observations between two readings of every process, summed over them. */
export function summarise(before: HistogramSnapshot[], after: HistogramSnapshot[]): HistogramSummaries {
  const summary = {} as HistogramSummaries;
  for (const name of Object.keys(SERIES) as HistogramName[]) {
    let buckets: Buckets = [];
    after.forEach((snapshot, i) => {
      buckets = add(buckets, subtract(snapshot[name], before[i]?.[name] ?? []));
    });
    summary[name] = {
      count: buckets.at(-1)?.[1] ?? 0,
      p50: quantileMs(buckets, 0.5),
      p99: quantileMs(buckets, 0.99),
    };
  }
  return summary;
}

/** Reads a server's histograms (it must run with METRICS_TOKEN = `token`). */
export async function readHistograms(baseUrl: string, token: string): Promise<HistogramSnapshot> {
  const response = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /metrics: ${response.status}`);
  return parseHistograms(await response.text());
}
