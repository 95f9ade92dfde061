/** Latency percentiles in milliseconds, rounded to 0.1 ms; null without any response. */
export interface Latency {
  p50: number | null;
  p99: number | null;
  max: number | null;
}

/** The responses one route got, by status code (`201`, `429`, `timeout`, `network error`). */
export interface RouteTally {
  route: string;
  responses: number;
  byStatus: Record<string, number>;
  latencyMs: Latency;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
}

function latencyOf(values: readonly number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? null),
  };
}

/** Every response of a run, counted by route and status, with its latency. */
export class Tally {
  readonly #routes = new Map<string, { byStatus: Map<string, number>; latencies: number[] }>();
  readonly #all: number[] = [];
  /** The latest latencies, for progress lines: a percentile over all of them every second would cost too much. */
  readonly #recent = new Float64Array(2048);
  #recorded = 0;

  record(route: string, status: string, latencyMs: number): void {
    let entry = this.#routes.get(route);
    if (entry === undefined) {
      entry = { byStatus: new Map(), latencies: [] };
      this.#routes.set(route, entry);
    }
    entry.byStatus.set(status, (entry.byStatus.get(status) ?? 0) + 1);
    // Transport failures have no server latency worth a percentile.
    if (/^\d{3}$/.test(status)) {
      entry.latencies.push(latencyMs);
      this.#all.push(latencyMs);
      this.#recent[this.#recorded % this.#recent.length] = latencyMs;
      this.#recorded += 1;
    }
  }

  /** Median of the latest responses (up to 2048). */
  recentP50(): number | null {
    const count = Math.min(this.#recorded, this.#recent.length);
    const sorted = Array.from(this.#recent.subarray(0, count)).sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    return p50 === null ? null : Math.round(p50 * 10) / 10;
  }

  /** Percentiles over every response so far. */
  latency(): Latency {
    return latencyOf(this.#all);
  }

  routes(): RouteTally[] {
    return [...this.#routes.entries()]
      .map(([route, entry]) => ({
        route,
        responses: [...entry.byStatus.values()].reduce((sum, count) => sum + count, 0),
        byStatus: Object.fromEntries([...entry.byStatus.entries()].sort(([a], [b]) => a.localeCompare(b))),
        latencyMs: latencyOf(entry.latencies),
      }))
      .sort((a, b) => routeOrder(a.route).localeCompare(routeOrder(b.route)));
  }
}

/** Routes sorted by path, then method. */
function routeOrder(route: string): string {
  const [method = '', path = ''] = route.split(' ');
  return `${path} ${method}`;
}
