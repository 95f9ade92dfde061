import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DeadLetters } from './dead-letters.ts';

export interface DeadLetterRoutesOptions {
  deadLetters: DeadLetters;
  /** Consumer name (as it appears in the URL) -> its queue. Only these can be browsed. */
  consumers: Readonly<Record<string, string>>;
  /** Scopes a caller needs (service-kit enforces route `config.scopes`), e.g. ['messaging:admin']. */
  scopes: readonly string[];
}

interface ConsumerParams {
  consumer: string;
}

const problemType = 'application/problem+json';

/**
 * Admin routes over dead-letter queues, for a service to mount behind its admin scope:
 *
 *   await app.register(deadLetterRoutes, { prefix: '/admin', deadLetters, consumers, scopes: ['messaging:admin'] });
 *
 *   GET  /dead-letters/:consumer               list (?limit=50)
 *   GET  /dead-letters/:consumer/:messageId    one message
 *   POST /dead-letters/:consumer/redrive       { messageIds?: string[], limit?: number }
 */
export async function deadLetterRoutes(
  app: FastifyInstance,
  options: DeadLetterRoutesOptions,
): Promise<void> {
  const config = { scopes: [...options.scopes] };
  const queueOf = (consumer: string, reply: FastifyReply): string | undefined => {
    const queue = options.consumers[consumer];
    if (queue === undefined) {
      void reply
        .code(404)
        .type(problemType)
        .send({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          detail: `no consumer named ${consumer}`,
        });
    }
    return queue;
  };

  app.get<{ Params: ConsumerParams; Querystring: { limit?: number } }>(
    '/dead-letters/:consumer',
    {
      config,
      schema: {
        querystring: {
          type: 'object',
          properties: { limit: { type: 'integer', minimum: 1, maximum: 1000 } },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const queue = queueOf(request.params.consumer, reply);
      if (queue === undefined) return reply;
      const items = await options.deadLetters.list(queue, request.query.limit ?? 50);
      return { consumer: request.params.consumer, total: await options.deadLetters.count(queue), items };
    },
  );

  app.get<{ Params: ConsumerParams & { messageId: string } }>(
    '/dead-letters/:consumer/:messageId',
    { config },
    async (request, reply) => {
      const queue = queueOf(request.params.consumer, reply);
      if (queue === undefined) return reply;
      const found = await options.deadLetters.show(queue, request.params.messageId);
      if (found === undefined) {
        return reply
          .code(404)
          .type(problemType)
          .send({
            type: 'about:blank',
            title: 'Not Found',
            status: 404,
            detail: `no dead-lettered message ${request.params.messageId} for ${request.params.consumer}`,
          });
      }
      return found;
    },
  );

  app.post<{ Params: ConsumerParams; Body: { messageIds?: string[]; limit?: number } }>(
    '/dead-letters/:consumer/redrive',
    {
      config,
      schema: {
        body: {
          type: 'object',
          properties: {
            messageIds: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 1000 },
            limit: { type: 'integer', minimum: 1, maximum: 10_000 },
          },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const queue = queueOf(request.params.consumer, reply);
      if (queue === undefined) return reply;
      const { messageIds, limit } = request.body ?? {};
      const redriven = await options.deadLetters.redrive(queue, {
        ...(messageIds === undefined ? {} : { messageIds }),
        ...(limit === undefined ? {} : { limit }),
      });
      return { consumer: request.params.consumer, redriven };
    },
  );
}
