/** One POST as the client saw it: every attempt's status and the final answer. */
export interface LedgerEntry {
  method: string;
  /** Base URL of the service it went to. */
  base: string;
  /** Path and query. */
  path: string;
  idempotencyKey: string | undefined;
  body: unknown;
  /** Status of each attempt (`network error`, `timeout` for transport failures). */
  attempts: string[];
  /** The final status the client was told. */
  status: string;
  /** The final response body, parsed when JSON. */
  response: unknown;
}

export interface RetryPolicy {
  /** How long one request may keep being retried, ms. */
  windowMs: number;
  /** Per attempt, ms. */
  attemptTimeoutMs: number;
}

const DEFAULT_POLICY: RetryPolicy = { windowMs: 45_000, attemptTimeoutMs: 10_000 };

/** How the ledger writes a 409 `IDEMPOTENCY_REQUEST_IN_PROGRESS`: the key's first request never finished. */
export const IN_PROGRESS = '409 in progress';

/** A 2xx answer: the client was told it succeeded. */
export const accepted = (entry: LedgerEntry) => /^2\d\d$/.test(entry.status);

/**
 * Some attempt may have reached the service and been applied although the client was not told so:
 * a transport failure, a 5xx, or the key still "in progress" after a killed request.
 */
export const maybeApplied = (entry: LedgerEntry) =>
  !accepted(entry) &&
  entry.attempts.some(
    (status) =>
      status === 'network error' || status === 'timeout' || status.startsWith('5') || status === IN_PROGRESS,
  );

function headerOf(init: RequestInit | undefined, name: string): string | undefined {
  const headers = init?.headers;
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  if (Array.isArray(headers)) return headers.find(([key]) => key.toLowerCase() === name)?.[1];
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return found?.[1];
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const inProgress = (status: number, body: unknown) =>
  status === 409 &&
  typeof body === 'object' &&
  body !== null &&
  (body as { code?: unknown }).code === 'IDEMPOTENCY_REQUEST_IN_PROGRESS';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A `fetch` for the simulator that behaves as a careful agency client: a transport failure, a 5xx or
 * "the first request with this key is still in progress" is retried with the same body and the same
 * Idempotency-Key, with backoff, for up to `windowMs`. Every POST goes into the ledger with what the
 * client was finally told, which is what the checks hold the services to.
 */
export class Ledger {
  readonly entries: LedgerEntry[] = [];
  /** Attempts retried, by the status that made the client retry. */
  readonly retriedBy = new Map<string, number>();
  readonly #inner: typeof fetch;
  readonly #policy: RetryPolicy;

  constructor(inner: typeof fetch = fetch, policy: Partial<RetryPolicy> = {}) {
    this.#inner = inner;
    this.#policy = { ...DEFAULT_POLICY, ...policy };
  }

  readonly fetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = init?.method ?? 'GET';
    const attempts: string[] = [];
    const started = Date.now();
    let answer: { status: number; headers: Headers; text: string } | undefined;
    for (let attempt = 0; ; attempt += 1) {
      const signals = [AbortSignal.timeout(this.#policy.attemptTimeoutMs)];
      if (init?.signal) signals.push(init.signal);
      let status: string;
      let again = false;
      try {
        const response = await this.#inner(url, { ...init, signal: AbortSignal.any(signals) });
        const text = await response.text();
        answer = { status: response.status, headers: response.headers, text };
        const parsed = parse(text);
        const busy = inProgress(response.status, parsed);
        const code = (parsed as { code?: unknown } | undefined)?.code;
        status = busy
          ? IN_PROGRESS
          : response.status >= 500 && typeof code === 'string'
            ? `${response.status} ${code}`
            : String(response.status);
        again = busy || response.status >= 500;
      } catch (error) {
        if (init?.signal?.aborted) throw error;
        status = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network error';
        answer = undefined;
        again = true;
      }
      attempts.push(status);
      if (!again || Date.now() - started > this.#policy.windowMs) break;
      this.retriedBy.set(status, (this.retriedBy.get(status) ?? 0) + 1);
      await sleep(Math.min(2000, 200 * 2 ** attempt));
    }
    if (method === 'POST') {
      this.entries.push({
        method,
        base: url.origin,
        path: `${url.pathname}${url.search}`,
        idempotencyKey: headerOf(init, 'idempotency-key'),
        body: typeof init?.body === 'string' ? parse(init.body) : undefined,
        attempts,
        status: attempts.at(-1) ?? 'not sent',
        response: answer === undefined ? undefined : parse(answer.text),
      });
    }
    if (answer === undefined) throw new TypeError(`fetch failed after ${attempts.length} attempts`);
    return new Response(answer.status === 204 || answer.status === 304 ? null : answer.text, {
      status: answer.status,
      headers: answer.headers,
    });
  }) as typeof fetch;
}
