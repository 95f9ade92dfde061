import {
  type AnyEvent,
  type EventOf,
  type EventType,
  type EventVersion,
  routingKeyOf,
} from '@enforcement/contracts';
import type { Logger } from './logger.ts';
import type { HandlerOutcome } from './outcome.ts';

/** What a handler knows about the delivery besides the event. */
export interface HandlerContext {
  /** Carries `eventId`, `type` and `correlationId` on every line. */
  logger: Logger;
  /** 1 on the first attempt, 2 on the first retry, and so on. */
  attempt: number;
  /** W3C trace context of the publishing operation, when it sent one. */
  traceparent: string | undefined;
}

export type HandlerResult = HandlerOutcome | undefined;

/** The handler of one event type and version; build it with `handles()`. */
export interface EventHandler {
  readonly type: string;
  readonly version: number;
  readonly routingKey: string;
  handle(event: AnyEvent, context: HandlerContext): Promise<HandlerResult>;
}

/**
 * Declares the handler of one event version, typed by the contract. Returning nothing (or `done()`)
 * acks; `retryLater()` and `reject()` (or throwing RetryLaterError / RejectMessageError) do the rest.
 */
export function handles<T extends EventType, V extends EventVersion<T>>(
  type: T,
  version: V,
  handle: (event: EventOf<T, V>, context: HandlerContext) => Promise<HandlerResult> | HandlerResult,
): EventHandler {
  return {
    type,
    version,
    routingKey: routingKeyOf(type, version),
    // The consumer only calls this with events parsed by this type and version's schema.
    handle: async (event, context) => handle(event as EventOf<T, V>, context),
  };
}
