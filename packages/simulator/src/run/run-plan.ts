import { resolveRequest, UnresolvedHandleError } from '../plan/templates.ts';
import type { Plan, PlannedRequest } from '../plan/types.ts';
import { type SimulatorPrincipalName, simulatorPrincipalNames } from '../principals.ts';
import { END_DAYS, notificationReport, readOverview, START_DAYS } from './notifications.ts';
import { Outcomes, Slots } from './outcomes.ts';
import type { FailureExample, RequestCounts, RunOptions, RunSummary } from './run-types.ts';
import { idFrom, problemOf, type SendContext, send } from './send.ts';
import { Tally } from './tally.ts';

export type { FailureExample, RequestCounts, RunOptions, RunProgress, RunSummary } from './run-types.ts';

const MAX_FAILURE_EXAMPLES = 20;

function checkOptions(options: RunOptions): void {
  for (const service of ['case-intake', 'customs-goods', 'oversight-notifications'] as const) {
    const url = options.targets[service];
    if (typeof url !== 'string' || !/^https?:\/\/[^/]/.test(url)) {
      throw new Error(`no http(s) URL for ${service} (got ${JSON.stringify(url)})`);
    }
  }
  const missing = simulatorPrincipalNames.filter((name) => !options.keys[name]);
  if (missing.length > 0) throw new Error(`no API key for ${missing.join(', ')}`);
  const positive = {
    duration: options.duration,
    rate: options.rate ?? 1,
    concurrency: options.concurrency ?? 1,
  };
  for (const [name, value] of Object.entries(positive)) {
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`${name} must be a positive number (got ${value})`);
  }
}

/** A sleep that an abort cuts short. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Sends a plan's requests on schedule for `duration` seconds, at most `concurrency` at once, and
 * answers what happened. Each request is filled in when sent (ids of the entities it refers to,
 * instants relative to now); one whose predecessor failed is skipped; a 429 is waited out and
 * retried with the same body and Idempotency-Key; no answer stops the run.
 */
export async function runPlan(plan: Plan, options: RunOptions): Promise<RunSummary> {
  checkOptions(options);
  const fetchImpl = options.fetch ?? fetch;
  const rate = options.rate ?? plan.rate;
  const scale = plan.rate / rate;
  const durationMs = options.duration * 1000;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 32));
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const { signal } = options;
  const keyOf = (principal: SimulatorPrincipalName) => options.keys[principal] as string;

  const tally = new Tally();
  const outcomes = new Outcomes();
  const slots = new Slots(concurrency);
  const ids = new Map<string, string>();
  const counts: RequestCounts = {
    planned: 0,
    sent: 0,
    ok: 0,
    failed: 0,
    refusedAsPlanned: 0,
    skipped: 0,
    notSent: 0,
    rateLimited: 0,
  };
  const failures: FailureExample[] = [];
  let inFlight = 0;
  let waiting = 0;
  let behindMs = 0;
  let stopping = false;
  let sendingMs = 0;
  const tasks = new Set<Promise<void>>();

  const readNotifications = options.notifications !== false;
  const oversight = options.targets['oversight-notifications'];
  const inspectionKey = keyOf('sim-inspection');
  const start = readNotifications
    ? await readOverview(fetchImpl, oversight, inspectionKey, START_DAYS, timeoutMs).catch(() => undefined)
    : undefined;

  const startedAt = new Date();
  const t0 = performance.now();
  const elapsed = () => performance.now() - t0;
  const context: SendContext = {
    fetch: fetchImpl,
    tally,
    timeoutMs,
    maxRateLimitRetries: options.maxRateLimitRetries ?? 5,
    stopping: () => stopping,
    onRateLimited: () => {
      counts.rateLimited += 1;
    },
  };

  const fail = (request: PlannedRequest, status: string, problem: string) => {
    counts.failed += 1;
    if (failures.length < MAX_FAILURE_EXAMPLES) {
      const { seq, route, story, step } = request;
      failures.push({ seq, route, status, story, step, problem });
    }
    outcomes.settle(request.seq, 'failed');
  };

  const execute = async (request: PlannedRequest): Promise<void> => {
    inFlight += 1;
    counts.sent += 1;
    try {
      let resolved: { path: string; body: unknown };
      try {
        resolved = resolveRequest(request, { now: Date.now(), idOf: (handle) => ids.get(handle) });
      } catch (error) {
        if (!(error instanceof UnresolvedHandleError)) throw error;
        fail(request, 'not sent', error.message);
        return;
      }
      const url = `${options.targets[request.service]}${resolved.path}`;
      const result = await send(context, request, url, keyOf(request.principal), resolved.body);
      const success = /^2\d\d$/.test(result.status);
      if (request.refusal !== undefined) {
        if (request.refusal.statuses.includes(Number(result.status))) {
          counts.refusedAsPlanned += 1;
          outcomes.settle(request.seq, 'failed');
        } else {
          fail(
            request,
            result.status,
            success ? `accepted, though ${request.refusal.why}` : problemOf(result.text),
          );
        }
        return;
      }
      if (!success) {
        fail(request, result.status, problemOf(result.text));
        return;
      }
      if (request.creates !== undefined) {
        const id = idFrom(result.text, request.creates.field);
        if (id === undefined) {
          fail(request, result.status, `no ${request.creates.field} in the response`);
          return;
        }
        ids.set(request.creates.handle, id);
      }
      counts.ok += 1;
      outcomes.settle(request.seq, 'ok');
    } finally {
      inFlight -= 1;
      slots.release();
    }
  };

  const skip = (request: PlannedRequest, why: 'skipped' | 'not_sent') => {
    if (why === 'skipped') counts.skipped += 1;
    else counts.notSent += 1;
    outcomes.settle(request.seq, why);
  };

  /** Sends once a free slot is there (or with the slot the caller took), unless the run ended meanwhile. */
  const sendWhenFree = async (request: PlannedRequest, slotTaken = false): Promise<void> => {
    if (!slotTaken) await slots.acquire();
    if (stopping) {
      slots.release();
      skip(request, 'not_sent');
      return;
    }
    await execute(request);
  };

  const afterDependencies = async (request: PlannedRequest): Promise<void> => {
    waiting += 1;
    await Promise.all(request.dependsOn.map((seq) => outcomes.settled(seq)));
    waiting -= 1;
    const state = outcomes.of(request.dependsOn);
    if (state !== 'ok') skip(request, 'skipped');
    else if (stopping) skip(request, 'not_sent');
    else await sendWhenFree(request);
  };

  const track = (task: Promise<void>) => {
    tasks.add(task);
    void task.finally(() => tasks.delete(task));
  };

  const progress = () => ({
    elapsedMs: Math.round(elapsed()),
    durationMs,
    counts: { ...counts },
    inFlight,
    waiting,
    behindMs: Math.round(behindMs),
    recentP50Ms: tally.recentP50(),
  });
  const timer =
    options.onProgress === undefined
      ? undefined
      : setInterval(() => options.onProgress?.(progress()), options.progressIntervalMs ?? 1000);

  const onAbort = () => {
    stopping = true;
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let exhausted = true;
  try {
    for (const request of plan) {
      const due = request.at * scale;
      if (due >= durationMs || signal?.aborted) {
        exhausted = false;
        break;
      }
      await pause(due - elapsed(), signal);
      if (signal?.aborted) {
        exhausted = false;
        break;
      }
      behindMs = Math.max(0, elapsed() - due);
      counts.planned += 1;
      const state = outcomes.of(request.dependsOn);
      if (state === 'pending') {
        track(afterDependencies(request));
      } else if (state !== 'ok') {
        skip(request, 'skipped');
      } else {
        // Waiting here for a free slot keeps at most `concurrency` requests in flight; the run falls
        // behind schedule instead of queueing without bound.
        await slots.acquire();
        track(sendWhenFree(request, true));
      }
    }
    // Requests waiting for an earlier one may still go until the end of the run; a finite plan
    // that ran out before it is simply finished.
    if (!exhausted) await pause(durationMs - elapsed(), signal);
    sendingMs = elapsed();
    if (!exhausted) stopping = true;
    while (tasks.size > 0) await Promise.all([...tasks]);
  } finally {
    stopping = true;
    signal?.removeEventListener('abort', onAbort);
    if (timer !== undefined) clearInterval(timer);
  }
  const elapsedMs = elapsed();
  options.onProgress?.(progress());

  let notifications: RunSummary['notifications'];
  if (readNotifications) {
    await pause(options.settleMs ?? 0, signal);
    notifications = await readOverview(fetchImpl, oversight, inspectionKey, END_DAYS, timeoutMs)
      .then((end) => notificationReport(start, end, startedAt.toISOString().slice(0, 10)))
      .catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
  }

  return {
    seed: plan.seed,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date(startedAt.getTime() + elapsedMs).toISOString(),
    elapsedS: Math.round(elapsedMs / 100) / 10,
    rate: { target: rate, achieved: Math.round((counts.sent / Math.max(sendingMs, 1)) * 10_000) / 10 },
    concurrency,
    requests: counts,
    latencyMs: tally.latency(),
    routes: tally.routes(),
    failures,
    ...(notifications === undefined ? {} : { notifications }),
  };
}
