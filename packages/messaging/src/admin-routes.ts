import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  consumerParamsSchema,
  deadLetterSchema,
  listQuerySchema,
  listResponseSchema,
  messageParamsSchema,
  redriveBodySchema,
  redriveResponseSchema,
} from './admin-schemas.ts';
import type { DeadLetters } from './dead-letters.ts';
import { MessagingError } from './errors.ts';
import { errorMessage } from './logger.ts';

export interface DeadLetterRoutesOptions {
  deadLetters: DeadLetters;
  /** Consumer name (as it appears in the URL) -> its queue. Only these can be browsed. */
  consumers: Readonly<Record<string, string>>;
  /** Scopes a caller needs (service-kit enforces route `config.scopes`), e.g. ['messaging:admin']. */
  scopes: readonly string[];
  /** The OpenAPI security scheme (declared by the host) the routes are documented behind; service-kit's `bearerAuth` by default. */
  securityScheme?: string;
}

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';
/** How long a client waits before asking again while the broker is unreachable. */
const RETRY_AFTER_S = 5;

/** Sends a problem+json refusal; the handler then returns nothing (the reply is sent). */
function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: { status: number; title: string; code: string; detail: string },
): undefined {
  reply
    .code(problem.status)
    .type(PROBLEM_TYPE)
    .send(
      JSON.stringify({
        type: 'about:blank',
        title: problem.title,
        status: problem.status,
        detail: problem.detail,
        instance: request.url.split('?')[0] ?? request.url,
        code: problem.code,
        requestId: request.id,
      }),
    );
  return undefined;
}

/** The broker error of an operation that an operator should retry later, or undefined. */
function unavailability(error: unknown, consumer: string): string | undefined {
  if (
    error instanceof MessagingError &&
    (error.code === 'MESSAGING_NOT_CONNECTED' || error.code === 'MESSAGING_CLOSED')
  ) {
    return 'The service is not connected to the broker; try again shortly';
  }
  // amqplib reports a queue that does not exist as a channel closed with code 404 (NOT_FOUND).
  if ((error as { code?: unknown } | null)?.code === 404) {
    return `The dead-letter queue of ${consumer} is not declared yet (the consumer declares it when it connects)`;
  }
  return undefined;
}

/**
 * Admin routes over dead-letter queues, for a service to mount behind its admin scope:
 *
 *   app.register(deadLetterRoutes, { prefix: '/admin', deadLetters, consumers, scopes: ['messaging:admin'] });
 *
 *   GET  /dead-letters/:consumer               list (?limit=50)
 *   GET  /dead-letters/:consumer/:messageId    one message
 *   POST /dead-letters/:consumer/redrive       { messageIds?: string[], limit?: number }
 *
 * The schemas are Zod's: the host validates, serialises and documents them with
 * @fastify/type-provider-zod's compilers and transform, as service-kit does (a plain Fastify app
 * sets `validatorCompiler` and `serializerCompiler` first). Refusals are problem+json with a stable
 * `code`: 404 `NOT_FOUND` (an unknown consumer or message), 503 `BROKER_UNAVAILABLE` with
 * Retry-After (no broker connection); bad input is the host's validation error (service-kit: 400
 * `VALIDATION_FAILED` naming the field).
 */
export const deadLetterRoutes: FastifyPluginAsyncZod<DeadLetterRoutesOptions> = async (app, options) => {
  const { deadLetters, scopes } = options;
  // service-kit documents a route behind `bearerAuth: []` unless it names its own requirement: these
  // name their scopes. @fastify/swagger needs the scheme declared in the host's document.
  const documented = {
    tags: ['dead letters'],
    security: [{ [options.securityScheme ?? 'bearerAuth']: [...scopes] }],
  };
  const needs = scopes.length === 0 ? 'Needs an API key.' : `Needs the scope ${scopes.join(', ')}.`;

  /** Runs `work` on the consumer's queue, answering 404 for an unknown consumer and 503 without a broker. */
  async function onQueue<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    consumer: string,
    work: (queue: string) => Promise<T>,
  ): Promise<T | undefined> {
    const queue = Object.hasOwn(options.consumers, consumer) ? options.consumers[consumer] : undefined;
    if (queue === undefined) {
      return sendProblem(request, reply, {
        status: 404,
        title: 'Resource not found',
        code: 'NOT_FOUND',
        detail: `No consumer of that name; this service has ${Object.keys(options.consumers).join(', ')}`,
      });
    }
    try {
      return await work(queue);
    } catch (error) {
      const detail = unavailability(error, consumer);
      if (detail === undefined) throw error;
      request.log.warn({ err: errorMessage(error), queue }, 'dead-letter queue unavailable');
      reply.header('retry-after', String(RETRY_AFTER_S));
      return sendProblem(request, reply, {
        status: 503,
        title: 'Service unavailable',
        code: 'BROKER_UNAVAILABLE',
        detail,
      });
    }
  }

  app.get(
    '/dead-letters/:consumer',
    {
      config: { scopes: [...scopes] },
      schema: {
        ...documented,
        summary: "A consumer's dead-lettered messages, oldest first",
        description: `Looking takes nothing away: the messages stay in the dead-letter queue, in their order. ${needs}`,
        params: consumerParamsSchema,
        querystring: listQuerySchema,
        response: { 200: listResponseSchema },
      },
    },
    (request, reply) => {
      const { consumer } = request.params;
      return onQueue(request, reply, consumer, async (queue) => {
        const items = await deadLetters.list(queue, request.query.limit);
        return { consumer, total: await deadLetters.count(queue), items };
      });
    },
  );

  app.get(
    '/dead-letters/:consumer/:messageId',
    {
      config: { scopes: [...scopes] },
      schema: {
        ...documented,
        summary: 'One dead-lettered message, by its id (the event id)',
        description: `Looks through the first 10,000 messages of the dead-letter queue. ${needs}`,
        params: messageParamsSchema,
        response: { 200: deadLetterSchema.meta({ description: 'The message' }) },
      },
    },
    (request, reply) => {
      const { consumer, messageId } = request.params;
      return onQueue(request, reply, consumer, async (queue) => {
        const found = await deadLetters.show(queue, messageId);
        if (found !== undefined) return found;
        return sendProblem(request, reply, {
          status: 404,
          title: 'Resource not found',
          code: 'NOT_FOUND',
          detail: `No such message is waiting in the dead-letter queue of ${consumer}`,
        });
      });
    },
  );

  app.post(
    '/dead-letters/:consumer/redrive',
    {
      config: { scopes: [...scopes] },
      schema: {
        ...documented,
        summary: "Sends dead-lettered messages back to the consumer's queue",
        description: `Each copy is confirmed by the broker before the message leaves the dead-letter queue, without its failure headers, so it gets a full retry budget again. \`{}\` re-drives every message (up to limit). Fix the cause first: a message that breaks its contract is dead-lettered again. ${needs}`,
        params: consumerParamsSchema,
        body: redriveBodySchema,
        response: { 200: redriveResponseSchema },
      },
    },
    (request, reply) => {
      const { consumer } = request.params;
      return onQueue(request, reply, consumer, async (queue) => {
        const { messageIds, limit } = request.body;
        const redriven = await deadLetters.redrive(queue, {
          ...(messageIds === undefined ? {} : { messageIds }),
          ...(limit === undefined ? {} : { limit }),
        });
        return { consumer, redriven };
      });
    },
  );
};
