import type { ServiceName } from '@enforcement/contracts';
import type { SimulatorPrincipalName } from '../principals.ts';

/** The id a service gave an entity created earlier in the plan, filled in when the request is sent. */
export interface HandleRef {
  readonly $ref: string;
}

/** An instant `offsetMs` from the moment the request is sent (negative: in the past), as ISO-8601 UTC. */
export interface TimeRef {
  readonly $time: number;
}

/** A JSON value in which handles and times are still symbolic. */
export type TemplateValue =
  | string
  | number
  | boolean
  | null
  | HandleRef
  | TimeRef
  | readonly TemplateValue[]
  | BodyTemplate;

export interface BodyTemplate {
  readonly [field: string]: TemplateValue;
}

/** Where a created entity's id is in the 2xx response body. */
export type IdField = 'id' | 'deploymentId' | 'transit.transitId';

/**
 * One request of a plan. Everything about it is decided when the plan is generated; only the ids of
 * entities created by earlier requests (`{handle}` in the path, `{ $ref }` in the body) and the
 * instants (`{ $time }`, relative to the send) are filled in when it is sent.
 */
export interface PlannedRequest {
  /** Position in the plan, from 0. */
  readonly seq: number;
  /** When to send it, in ms after the start of the run, at the plan's rate. */
  readonly at: number;
  readonly service: ServiceName;
  readonly principal: SimulatorPrincipalName;
  readonly method: 'GET' | 'POST';
  /** The route template, for statistics: `POST /v1/cases/:id/transitions`. */
  readonly route: string;
  /** Path and query, with `{handle}` where an earlier request's id goes: `/v1/cases/{case-17}/transitions`. */
  readonly path: string;
  readonly body?: BodyTemplate;
  /** Sent as `Idempotency-Key` with every POST: the same for the same seed and position. */
  readonly idempotencyKey?: string;
  /** Requests that must have succeeded first; when one failed or was skipped, this one is skipped. */
  readonly dependsOn: readonly number[];
  /** The handle under which the id of the entity this request creates is kept, and where to read it. */
  readonly creates?: { readonly handle: string; readonly field: IdField };
  /** A deliberately invalid request and the statuses that refuse it as it should be. */
  readonly refusal?: { readonly statuses: readonly number[]; readonly why: string };
  /** The story it belongs to (`case-17`) and what the step is, for logs and tests. */
  readonly story: string;
  readonly step: string;
}

/** Story kinds a plan mixes; the weights say how often each is started. */
export type StoryKind = 'case' | 'lot' | 'meeting' | 'read' | 'invalid';

export interface PlanOptions {
  /** Nominal requests per second: the spacing of `at`. Default 20. */
  rate?: number;
  /** Compressed time between the steps of one story (a case's lifecycle, a lot's), ms. Default [1500, 6000]. */
  stepDelayMs?: readonly [number, number];
  /**
   * How soon deadlines made to fall inside the run fall due after the request that sets them, ms:
   * resolutions due soon, transits about to be overdue, verdicts about to stall. Default [5000, 30000].
   */
  deadlineInMs?: readonly [number, number];
  /** Relative weights of the stories started; missing kinds keep their default. */
  mix?: Partial<Record<StoryKind, number>>;
  /** Only these provinces (default: all 31, border and coastal provinces more often). */
  provinces?: readonly string[];
}

/** A plan: iterating it generates its requests lazily, and every iteration gives the same ones. */
export interface Plan extends Iterable<PlannedRequest> {
  readonly seed: number;
  /** Nominal requests per second of `at`. */
  readonly rate: number;
}
