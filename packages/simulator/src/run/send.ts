import type { IdField, PlannedRequest } from '../plan/types.ts';
import type { Tally } from './tally.ts';

/** What sending one planned request needs from the run. */
export interface SendContext {
  fetch: typeof fetch;
  tally: Tally;
  timeoutMs: number;
  maxRateLimitRetries: number;
  /** Once true, a 429 is not retried: the run is over. */
  stopping(): boolean;
  /** Called for each 429, before waiting its Retry-After. */
  onRateLimited(): void;
}

/** The final answer to a request: its status (or transport failure) and body text. */
export interface SendResult {
  status: string;
  text: string;
}

const MAX_RETRY_AFTER_MS = 30_000;

/** Retry-After in seconds (or an HTTP date), as ms to wait; 1 s when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header === null) return 1000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : 1000;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends a request as resolved (the same body and Idempotency-Key on every attempt), waiting out
 * each 429's Retry-After. Never throws: transport failures come back as `timeout` or `network error`.
 */
export async function send(
  context: SendContext,
  request: Pick<PlannedRequest, 'route' | 'method' | 'idempotencyKey'>,
  url: string,
  key: string,
  body: unknown,
): Promise<SendResult> {
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  for (let attempt = 0; ; attempt += 1) {
    const started = performance.now();
    let result: SendResult;
    let retryAfter: string | null = null;
    try {
      const response = await context.fetch(url, {
        method: request.method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(context.timeoutMs),
      });
      retryAfter = response.headers.get('retry-after');
      result = { status: String(response.status), text: await response.text() };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      result = { status: name === 'TimeoutError' ? 'timeout' : 'network error', text: String(error) };
    }
    context.tally.record(request.route, result.status, performance.now() - started);
    if (result.status !== '429' || attempt >= context.maxRateLimitRetries || context.stopping())
      return result;
    context.onRateLimited();
    await sleep(retryAfterMs(retryAfter));
  }
}

/** The id a 2xx response gives the entity the request created. */
export function idFrom(text: string, field: IdField): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON: no id to read; the caller counts the request as failed.
    return undefined;
  }
  for (const part of field.split('.')) {
    value =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The problem code and detail of an error response, for the summary's examples. */
export function problemOf(text: string): string {
  try {
    const problem = JSON.parse(text) as { code?: unknown; detail?: unknown; title?: unknown };
    const code = typeof problem.code === 'string' ? problem.code : '';
    const detail =
      typeof problem.detail === 'string'
        ? problem.detail
        : typeof problem.title === 'string'
          ? problem.title
          : '';
    return [code, detail].filter(Boolean).join(': ').slice(0, 300);
  } catch {
    return text.slice(0, 200);
  }
}
