import type { ServiceName } from '@enforcement/contracts';
import type { SimulatorPrincipalName } from '../principals.ts';
import type { NotificationReadError, NotificationReport } from './notifications.ts';
import type { Latency, RouteTally } from './tally.ts';

export interface RunOptions {
  /** Base URL of each service (`http://127.0.0.1:3001`). */
  targets: Readonly<Record<ServiceName, string>>;
  /** Raw API key of each simulator principal (see `simulatorPrincipals`). */
  keys: Readonly<Partial<Record<SimulatorPrincipalName, string>>>;
  /** Requests per second; default the plan's. Another rate stretches or squeezes the plan's timing. */
  rate?: number;
  /** Seconds of traffic; requests planned later are not sent. */
  duration: number;
  /** Most requests in flight at once; when all are busy the run falls behind schedule. Default 32. */
  concurrency?: number;
  onProgress?: (progress: RunProgress) => void;
  /** Default 1000. */
  progressIntervalMs?: number;
  /** Aborting stops sending; requests in flight finish and the summary is still made. */
  signal?: AbortSignal;
  /** Per attempt; default 30 000. */
  requestTimeoutMs?: number;
  /** Default 5: a request still rate-limited after that many waits counts as 429. */
  maxRateLimitRetries?: number;
  /** Wait after the last response before reading the notifications (events and the oversight sweep take a moment). */
  settleMs?: number;
  /** Read notification counts from the oversight service (with the `sim-inspection` key). Default true. */
  notifications?: boolean;
  /** For tests and for other HTTP clients. */
  fetch?: typeof fetch;
}

/** Where a run stands, reported every `progressIntervalMs`. */
export interface RunProgress {
  elapsedMs: number;
  durationMs: number;
  counts: RequestCounts;
  inFlight: number;
  /** Requests waiting for an earlier one (their case's previous step) to finish. */
  waiting: number;
  /** How far sending is behind the plan's schedule (all slots busy), ms. */
  behindMs: number;
  /** Median latency of the latest responses, ms. */
  recentP50Ms: number | null;
}

export interface RequestCounts {
  /** Reached in the plan before the end of the run. */
  planned: number;
  sent: number;
  /** 2xx. */
  ok: number;
  /** Any other answer (after 429 retries), a transport failure, or a planned refusal that was accepted. */
  failed: number;
  /** Deliberately invalid requests refused with the expected status. */
  refusedAsPlanned: number;
  /** Not sent because a request they depend on failed or was skipped. */
  skipped: number;
  /** Still waiting for an earlier request when the run ended. */
  notSent: number;
  /** 429 answers (each was waited out and retried). */
  rateLimited: number;
}

/** A failed request, for the summary: enough to find the cause. */
export interface FailureExample {
  seq: number;
  route: string;
  status: string;
  story: string;
  step: string;
  problem: string;
}

export interface RunSummary {
  seed: number;
  startedAt: string;
  finishedAt: string;
  /** Seconds from the first request to the last response. */
  elapsedS: number;
  rate: { target: number; achieved: number };
  concurrency: number;
  requests: RequestCounts;
  latencyMs: Latency;
  /** Every response (retries after a 429 included) by route and status. */
  routes: RouteTally[];
  /** The first failures (up to 20). */
  failures: FailureExample[];
  notifications?: NotificationReport | NotificationReadError;
}
