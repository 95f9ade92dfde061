import { describe, expect, it } from 'vitest';
import type { Plan, PlannedRequest } from '../plan/types.ts';
import { type SimulatorPrincipalName, simulatorPrincipalNames } from '../principals.ts';
import { type RunProgress, runPlan } from './run-plan.ts';
import { retryAfterMs } from './send.ts';

const targets = {
  'case-intake': 'http://cases.test',
  'customs-goods': 'http://goods.test',
  'oversight-notifications': 'http://oversight.test',
};
const keys = Object.fromEntries(simulatorPrincipalNames.map((name) => [name, `key-${name}`])) as Record<
  SimulatorPrincipalName,
  string
>;

function planOf(
  requests: (Partial<PlannedRequest> & Pick<PlannedRequest, 'method' | 'route' | 'path'>)[],
): Plan {
  const full = requests.map(
    (request, seq): PlannedRequest => ({
      seq,
      at: seq * 10,
      service: 'case-intake',
      principal: 'sim-police',
      story: `story-${seq}`,
      step: `step ${seq}`,
      dependsOn: [],
      ...request,
    }),
  );
  return { seed: 1, rate: 100, [Symbol.iterator]: () => full[Symbol.iterator]() };
}

interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fake HTTP server: answers by URL, records every call. */
function fakeFetch(
  answer: (call: Call, index: number) => { status: number; body?: unknown; headers?: Record<string, string> },
) {
  const calls: Call[] = [];
  const impl = (async (input: string | URL | Request, init?: RequestInit) => {
    const call: Call = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers: Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>)),
      body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
    };
    calls.push(call);
    const { status, body, headers } = answer(call, calls.length - 1);
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
  }) as typeof fetch;
  return { impl, calls };
}

const run = (plan: Plan, fetchImpl: typeof fetch, extra: Partial<Parameters<typeof runPlan>[1]> = {}) =>
  runPlan(plan, {
    targets,
    keys,
    duration: 5,
    concurrency: 4,
    notifications: false,
    fetch: fetchImpl,
    ...extra,
  });

describe('runPlan', () => {
  it('fills in ids of created entities and instants, and sends keys and idempotency keys', async () => {
    const plan = planOf([
      {
        method: 'POST',
        route: 'POST /v1/cases',
        path: '/v1/cases',
        body: { discoveredAt: { $time: -1000 } },
        idempotencyKey: 'sim-1-0',
        creates: { handle: 'case-1', field: 'id' },
      },
      {
        method: 'POST',
        route: 'POST /v1/cases/:id/transitions',
        path: '/v1/cases/{case-1}/transitions',
        body: { to: 'closed', unit: { $ref: 'case-1' } },
        idempotencyKey: 'sim-1-1',
        dependsOn: [0],
        principal: 'sim-prosecutor',
      },
    ]);
    const server = fakeFetch((call) =>
      call.url.endsWith('/v1/cases') ? { status: 201, body: { id: 'c-42' } } : { status: 200, body: {} },
    );
    const before = Date.now();
    const summary = await run(plan, server.impl);
    expect(summary.requests).toMatchObject({ planned: 2, sent: 2, ok: 2, failed: 0, skipped: 0 });
    const [register, close] = server.calls;
    expect(register?.headers).toMatchObject({
      authorization: 'Bearer key-sim-police',
      'idempotency-key': 'sim-1-0',
    });
    const discoveredAt = Date.parse(
      (register?.body as { discoveredAt: string } | undefined)?.discoveredAt ?? '',
    );
    expect(discoveredAt).toBeGreaterThanOrEqual(before - 1000);
    expect(discoveredAt).toBeLessThanOrEqual(Date.now() - 1000);
    expect(close?.url).toBe('http://cases.test/v1/cases/c-42/transitions');
    expect(close?.body).toEqual({ to: 'closed', unit: 'c-42' });
    expect(close?.headers.authorization).toBe('Bearer key-sim-prosecutor');
    expect(summary.routes.map((route) => [route.route, route.byStatus])).toEqual([
      ['POST /v1/cases', { '201': 1 }],
      ['POST /v1/cases/:id/transitions', { '200': 1 }],
    ]);
  });

  it('skips what depends on a failed creation, counts the failure by route and code, and carries on', async () => {
    const plan = planOf([
      {
        method: 'POST',
        route: 'POST /v1/cases',
        path: '/v1/cases',
        body: {},
        creates: { handle: 'case-1', field: 'id' },
      },
      {
        method: 'POST',
        route: 'POST /v1/cases/:id/transitions',
        path: '/v1/cases/{case-1}/transitions',
        body: {},
        dependsOn: [0],
      },
      {
        method: 'POST',
        route: 'POST /v1/cases/:id/transitions',
        path: '/v1/cases/{case-1}/transitions',
        body: {},
        dependsOn: [1],
      },
      { method: 'GET', route: 'GET /v1/cases', path: '/v1/cases?limit=5' },
    ]);
    const server = fakeFetch((call) =>
      call.method === 'POST'
        ? {
            status: 422,
            body: { code: 'CASE_STEP_INVALID', detail: 'body.discoveredAt must not be in the future' },
          }
        : { status: 500, body: { code: 'INTERNAL_ERROR' } },
    );
    const summary = await run(plan, server.impl);
    expect(server.calls.map((call) => call.method)).toEqual(['POST', 'GET']);
    expect(summary.requests).toMatchObject({ sent: 2, ok: 0, failed: 2, skipped: 2 });
    expect(summary.routes.find((route) => route.route === 'POST /v1/cases')?.byStatus).toEqual({ '422': 1 });
    expect(summary.failures[0]).toMatchObject({
      seq: 0,
      status: '422',
      problem: 'CASE_STEP_INVALID: body.discoveredAt must not be in the future',
    });
  });

  it('waits out a 429 for its Retry-After and sends the same request again', async () => {
    const plan = planOf([
      {
        method: 'POST',
        route: 'POST /v1/lots',
        path: '/v1/lots',
        body: { at: { $time: 0 } },
        idempotencyKey: 'sim-1-0',
      },
    ]);
    const server = fakeFetch((_call, index) =>
      index === 0
        ? { status: 429, headers: { 'retry-after': '1' }, body: { code: 'RATE_LIMITED' } }
        : { status: 201, body: { id: 'l-1' } },
    );
    const started = performance.now();
    const summary = await run(plan, server.impl);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]?.body).toEqual(server.calls[0]?.body);
    expect(server.calls[1]?.headers['idempotency-key']).toBe('sim-1-0');
    expect(summary.requests).toMatchObject({ ok: 1, rateLimited: 1, failed: 0 });
    expect(summary.routes[0]?.byStatus).toEqual({ '201': 1, '429': 1 });
  });

  it('counts a deliberately invalid request refused as planned apart from failures', async () => {
    const plan = planOf([
      {
        method: 'POST',
        route: 'POST /v1/cases',
        path: '/v1/cases',
        body: {},
        refusal: { statuses: [400], why: 'bad check digit' },
      },
      {
        method: 'POST',
        route: 'POST /v1/cases',
        path: '/v1/cases',
        body: {},
        refusal: { statuses: [400], why: 'bad check digit' },
      },
    ]);
    const server = fakeFetch((_call, index) =>
      index === 0 ? { status: 400 } : { status: 201, body: { id: 'x' } },
    );
    const summary = await run(plan, server.impl);
    expect(summary.requests).toMatchObject({ refusedAsPlanned: 1, failed: 1, ok: 0 });
    expect(summary.failures[0]?.problem).toBe('accepted, though bad check digit');
  });

  it('sends nothing planned after the duration, and reports progress', async () => {
    const requests = Array.from({ length: 50 }, () => ({
      method: 'GET' as const,
      route: 'GET /v1/cases',
      path: '/v1/cases',
    }));
    const server = fakeFetch(() => ({ status: 200, body: { items: [] } }));
    const updates: RunProgress[] = [];
    // 10 ms apart at the plan's 100/s; at 200/s, 5 ms apart: 0.1 s holds 20 of them.
    const summary = await run(planOf(requests), server.impl, {
      duration: 0.1,
      rate: 200,
      onProgress: (progress) => updates.push(progress),
      progressIntervalMs: 20,
    });
    expect(summary.requests.planned).toBe(20);
    expect(server.calls).toHaveLength(20);
    expect(updates.at(-1)?.counts.ok).toBe(20);
  });

  it('stops sending when aborted and still answers a summary', async () => {
    const requests = Array.from({ length: 100 }, () => ({
      method: 'GET' as const,
      route: 'GET /v1/cases',
      path: '/v1/cases',
    }));
    const abort = new AbortController();
    const server = fakeFetch((_call, index) => {
      if (index === 4) abort.abort();
      return { status: 200, body: {} };
    });
    const summary = await run(planOf(requests), server.impl, { signal: abort.signal });
    expect(summary.requests.sent).toBeLessThan(10);
  });

  it('refuses to start without a URL for each service or a key for each principal', async () => {
    const plan = planOf([]);
    await expect(
      runPlan(plan, { targets: { ...targets, 'customs-goods': '' }, keys, duration: 1 }),
    ).rejects.toThrow(/customs-goods/);
    const { 'sim-inspection': _omitted, ...fewer } = keys;
    await expect(runPlan(plan, { targets, keys: fewer, duration: 1 })).rejects.toThrow(/sim-inspection/);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds or an HTTP date, capped, with 1 s when absent or unreadable', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs('soon')).toBe(1000);
    expect(retryAfterMs('3600')).toBe(30_000);
    const now = Date.parse('2025-10-05T08:30:00Z');
    expect(retryAfterMs('Sun, 05 Oct 2025 08:30:05 GMT', now)).toBe(5000);
  });
});
