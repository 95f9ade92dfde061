import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AdminSchema, compileAdminValidator } from './admin-schema.ts';
import type { DeadLetters } from './dead-letters.ts';
import { MessagingError } from './errors.ts';
import { errorMessage } from './logger.ts';

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

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';
/** How long a client waits before asking again while the broker is unreachable. */
const RETRY_AFTER_S = 5;
const MAX_LIST_LIMIT = 1_000;
const DEFAULT_LIST_LIMIT = 50;
const MAX_REDRIVE_LIMIT = 10_000;

const text = (description: string): AdminSchema => ({ type: 'string', description });

/** A dead-lettered message as the routes show it (`DeadLetter`); absent members were not on the message. */
const deadLetterSchema = {
  type: 'object',
  properties: {
    messageId: text('The event id'),
    routingKey: text('The routing key it was published with, e.g. case.verdict_issued.v1'),
    correlationId: text('The correlation id it carried'),
    reason: text(
      'Why it was dead-lettered: invalid_json, invalid_envelope, unknown_event, invalid_payload, no_handler, rejected, retries_exhausted',
    ),
    detail: text("The consumer's explanation: the failing field paths, or the handler's last error"),
    attempts: { type: 'integer', description: 'Attempts the consumer made before dead-lettering it' },
    deadLetteredAt: text('When it was (last) dead-lettered, ISO 8601'),
    redrivenAt: text('When it was last re-driven, if ever: it failed again after that'),
    body: { description: 'The message body: its JSON, or the raw text when it is not JSON' },
  },
  required: ['attempts', 'body'],
} as const;

const consumerParamsSchema = {
  type: 'object',
  properties: { consumer: { type: 'string', description: 'The consumer, e.g. case-events' } },
  required: ['consumer'],
} as const satisfies AdminSchema;

const listQuerySchema = {
  type: 'object',
  properties: {
    limit: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_LIST_LIMIT,
      default: DEFAULT_LIST_LIMIT,
      description: 'How many messages to show, oldest first',
    },
  },
  additionalProperties: false,
} as const satisfies AdminSchema;

const redriveBodySchema = {
  type: 'object',
  properties: {
    messageIds: {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 512 },
      maxItems: 1_000,
      description: 'Only these messages; every one (up to limit) when absent',
    },
    limit: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_REDRIVE_LIMIT,
      description: `At most this many messages (default ${MAX_REDRIVE_LIMIT})`,
    },
  },
  additionalProperties: false,
} as const satisfies AdminSchema;

const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'Stable error code' },
    requestId: { type: 'string' },
  },
  required: ['type', 'title', 'status'],
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

/** What @fastify/swagger hands a route's `config.swaggerTransform` (the members used here). */
interface SwaggerTransformInput {
  url: string;
  /** An OpenAPI 3 document, or (swaggerObject) a Swagger 2 one. */
  openapiObject?: { components?: { securitySchemes?: Record<string, unknown> } };
  swaggerObject?: { securityDefinitions?: Record<string, unknown> };
}

/** A route's OpenAPI description, documented as is (the host's transform expects its own schemas). */
interface RouteDocument {
  summary: string;
  description: string;
  params?: AdminSchema;
  querystring?: AdminSchema;
  body?: AdminSchema;
  ok: object;
}

/**
 * The route's `config.swaggerTransform`: documents the JSON Schemas above as they are (a host's own
 * transform, e.g. service-kit's Zod one, cannot read them), behind every security scheme the host
 * declares, naming the scopes needed, with problem+json error responses.
 */
function documented(route: RouteDocument, scopes: readonly string[]) {
  return ({ url, openapiObject, swaggerObject }: SwaggerTransformInput) => {
    const schemes = Object.keys(
      openapiObject?.components?.securitySchemes ?? swaggerObject?.securityDefinitions ?? {},
    );
    const needs = scopes.length === 0 ? 'Needs an API key.' : `Needs the scope ${scopes.join(', ')}.`;
    return {
      url,
      schema: {
        summary: route.summary,
        description: `${route.description} ${needs}`,
        tags: ['dead letters'],
        ...(route.params === undefined ? {} : { params: route.params }),
        ...(route.querystring === undefined ? {} : { querystring: route.querystring }),
        ...(route.body === undefined ? {} : { body: route.body }),
        security: schemes.map((scheme) => ({ [scheme]: [...scopes] })),
        response: {
          200: route.ok,
          '4XX': problemResponse('Client error (problem details)'),
          '5XX': problemResponse('Server error or broker unreachable (problem details)'),
        },
      },
    };
  };
}

function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: { status: number; title: string; code: string; detail: string },
): FastifyReply {
  return reply
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
 * The routes bring their own validator (JSON Schema) and OpenAPI description, so they work alike in
 * a plain Fastify app and in a service-kit one (Zod validation and documents). Refusals are
 * problem+json with a stable `code`: 404 `NOT_FOUND` (an unknown consumer or message), 503
 * `BROKER_UNAVAILABLE` with Retry-After (no broker connection); bad input is the host's validation
 * error (service-kit: 400 `VALIDATION_FAILED` naming the field).
 */
export async function deadLetterRoutes(
  app: FastifyInstance,
  options: DeadLetterRoutesOptions,
): Promise<void> {
  const { deadLetters, scopes } = options;
  const config = (route: RouteDocument) => ({
    scopes: [...scopes],
    swaggerTransform: documented(route, scopes),
  });

  /** Runs `work` on the consumer's queue, answering 404 for an unknown consumer and 503 without a broker. */
  async function onQueue<T>(
    request: FastifyRequest<{ Params: ConsumerParams }>,
    reply: FastifyReply,
    work: (queue: string) => Promise<T>,
  ): Promise<T | FastifyReply> {
    const { consumer } = request.params;
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

  app.get<{ Params: ConsumerParams; Querystring: { limit?: number } }>(
    '/dead-letters/:consumer',
    {
      config: config({
        summary: "A consumer's dead-lettered messages, oldest first",
        description:
          'Looking takes nothing away: the messages stay in the dead-letter queue, in their order.',
        params: consumerParamsSchema,
        querystring: listQuerySchema,
        ok: {
          description: 'The first messages and how many wait in all',
          type: 'object',
          properties: {
            consumer: { type: 'string' },
            total: { type: 'integer', description: 'Messages in the dead-letter queue' },
            items: { type: 'array', items: deadLetterSchema },
          },
          required: ['consumer', 'total', 'items'],
        },
      }),
      schema: { querystring: listQuerySchema },
      validatorCompiler: compileAdminValidator,
    },
    (request, reply) =>
      onQueue(request, reply, async (queue) => {
        const items = await deadLetters.list(queue, request.query.limit ?? DEFAULT_LIST_LIMIT);
        return { consumer: request.params.consumer, total: await deadLetters.count(queue), items };
      }),
  );

  app.get<{ Params: ConsumerParams & { messageId: string } }>(
    '/dead-letters/:consumer/:messageId',
    {
      config: config({
        summary: 'One dead-lettered message, by its id (the event id)',
        description: 'Looks through the first 10,000 messages of the dead-letter queue.',
        params: {
          type: 'object',
          properties: {
            ...consumerParamsSchema.properties,
            messageId: { type: 'string', description: 'The message id (the event id)' },
          },
          required: ['consumer', 'messageId'],
        },
        ok: { description: 'The message', ...deadLetterSchema },
      }),
    },
    (request, reply) =>
      onQueue(request, reply, async (queue) => {
        const found = await deadLetters.show(queue, request.params.messageId);
        if (found !== undefined) return found;
        return sendProblem(request, reply, {
          status: 404,
          title: 'Resource not found',
          code: 'NOT_FOUND',
          detail: `No such message is waiting in the dead-letter queue of ${request.params.consumer}`,
        });
      }),
  );

  app.post<{ Params: ConsumerParams; Body: { messageIds?: string[]; limit?: number } }>(
    '/dead-letters/:consumer/redrive',
    {
      config: config({
        summary: "Sends dead-lettered messages back to the consumer's queue",
        description:
          'Each copy is confirmed by the broker before the message leaves the dead-letter queue, without its failure headers, so it gets a full retry budget again. `{}` re-drives every message (up to limit). Fix the cause first: a message that breaks its contract is dead-lettered again.',
        params: consumerParamsSchema,
        body: redriveBodySchema,
        ok: {
          description: 'The ids of the messages moved back',
          type: 'object',
          properties: {
            consumer: { type: 'string' },
            redriven: { type: 'array', items: { type: 'string' } },
          },
          required: ['consumer', 'redriven'],
        },
      }),
      schema: { body: redriveBodySchema },
      validatorCompiler: compileAdminValidator,
    },
    (request, reply) =>
      onQueue(request, reply, async (queue) => {
        const { messageIds, limit } = request.body;
        const redriven = await deadLetters.redrive(queue, {
          ...(messageIds === undefined ? {} : { messageIds }),
          ...(limit === undefined ? {} : { limit }),
        });
        return { consumer: request.params.consumer, redriven };
      }),
  );
}
