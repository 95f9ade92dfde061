import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  failures: number;
  seconds: number;
  /** Latencies of successful requests, in milliseconds, sorted. */
  latenciesMs: number[];
}

export interface LoadOptions {
  url: string;
  concurrency: number;
  durationMs: number;
  headers: Record<string, string>;
  /** The body of the n-th request (each must be unique: the service refuses duplicates). */
  body: (n: number) => string;
  expectStatus: number;
}

function post(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `concurrency` keep-alive clients posting back to back for `durationMs`. */
export async function runLoad(options: LoadOptions, firstRequest: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const url = new URL('/v1/cases', options.url);
  const latenciesMs: number[] = [];
  let next = firstRequest;
  let failures = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      const body = options.body(next);
      next += 1;
      const sent = performance.now();
      const status = await post(agent, url, options.headers, body).catch(() => 0);
      if (status === options.expectStatus) latenciesMs.push(performance.now() - sent);
      else failures += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latenciesMs.sort((a, b) => a - b);
  return { requests: latenciesMs.length, failures, seconds, latenciesMs };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
