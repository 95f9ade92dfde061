import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Bindings, ChildLoggerOptions } from 'pino';
import { CORRELATION_ID_HEADER, correlationIdFrom, REQUEST_ID_HEADER } from './request-ids.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Ties together everything done on behalf of one user action, across services and the bus. */
    correlationId: string;
  }
}

/**
 * Gives the per-request logger `reqId` and `correlationId`, so every line a handler logs can be
 * joined with the bus's lines for the same action.
 */
export function childLoggerFactory(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
  rawRequest: IncomingMessage,
): FastifyBaseLogger {
  const requestId = typeof bindings.reqId === 'string' ? bindings.reqId : '';
  return logger.child(
    { ...bindings, correlationId: correlationIdFrom(rawRequest.headers, requestId) },
    options,
  );
}

/** Sets `request.correlationId` and echoes both ids on every response, errors included. */
export const requestContextPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('correlationId', '');
    app.addHook('onRequest', async (request, reply) => {
      request.correlationId = correlationIdFrom(request.headers, request.id);
      reply.header(REQUEST_ID_HEADER, request.id);
      reply.header(CORRELATION_ID_HEADER, request.correlationId);
    });
  },
  { name: 'service-kit-request-context' },
);
