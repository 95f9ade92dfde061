import type { FastifyRequest } from 'fastify';
import './request-context.ts';

/** Ties an event to the request that caused it. */
export interface EventContext {
  correlationId: string;
  /** The request id: what caused the change (null would mean "first of a chain"). */
  causationId: string | null;
}

/** The context of the events a request's change writes: its correlation id, caused by the request. */
export function eventContextOf(request: FastifyRequest): EventContext {
  return { correlationId: request.correlationId, causationId: request.id };
}
