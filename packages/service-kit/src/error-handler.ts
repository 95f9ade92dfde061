import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, isAppError } from './app-error.ts';
import { kitErrors } from './errors.ts';
import { fieldErrorsFrom, sendProblem } from './problem.ts';

/** Fastify's own error codes we translate into the kit's stable codes. */
function fromFastifyCode(error: FastifyError): AppError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return kitErrors.MALFORMED_BODY({
        detail: error.message,
        errors: [{ path: 'body', message: 'must be valid JSON', code: 'invalid_json' }],
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return kitErrors.PAYLOAD_TOO_LARGE({ detail: 'The request body exceeds the size limit' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return kitErrors.UNSUPPORTED_MEDIA_TYPE({
        detail: `Content-Type ${JSON.stringify(error.message.replace(/^Unsupported Media Type:?\s*/, ''))} is not accepted`,
      });
    case 'FST_UNDER_PRESSURE':
      return kitErrors.SERVICE_OVERLOADED({ detail: 'The service is shedding load; retry later' });
    default:
      return undefined;
  }
}

/** Stable codes for client errors that arrive without one of ours. */
const CODE_BY_STATUS: Record<number, string> = {
  401: 'UNAUTHENTICATED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
};

/** Maps any thrown value to the AppError the caller sees; undefined means "unexpected". */
export function toAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const fastifyError = error as FastifyError;
  if (Array.isArray(fastifyError.validation)) {
    return kitErrors.VALIDATION_FAILED({
      detail: 'One or more fields are invalid',
      errors: fieldErrorsFrom(fastifyError.validationContext ?? 'body', fastifyError.validation),
    });
  }
  const known = fromFastifyCode(fastifyError);
  if (known) return known;
  // Other client errors raised by Fastify or plugins carry safe, generic messages.
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(CODE_BY_STATUS[status] ?? 'BAD_REQUEST', status, fastifyError.message);
  }
  return undefined;
}

async function handleError(
  this: FastifyInstance,
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const known = toAppError(error);
  if (known) {
    if (known.status >= 500) request.log.warn({ code: known.code }, known.title);
    return sendProblem(reply, known);
  }
  // Full error (with stack) goes to the log only; the caller learns nothing about internals.
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, kitErrors.INTERNAL_ERROR());
}

/**
 * Errors Fastify answers before routing, outside every hook and the error handler: a URL it cannot
 * decode (FST_ERR_BAD_URL) or a path parameter past its length (FST_ERR_MAX_PARAM_LENGTH). Without
 * this (the `frameworkErrors` option) they go out as Fastify's own JSON, echoing the URL.
 */
export function sendFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const problem =
    error.code === 'FST_ERR_BAD_URL'
      ? kitErrors.BAD_REQUEST({ detail: 'The URL is not validly percent-encoded' })
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? kitErrors.URI_TOO_LONG({ detail: 'A path parameter is too long' })
        : kitErrors.INTERNAL_ERROR();
  if (problem.status >= 500) reply.log.error({ err: error }, 'unhandled framework error');
  sendProblem(reply, problem);
}

/** Every error and unknown route becomes application/problem+json. */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(handleError);
    app.setNotFoundHandler(async (request, reply) =>
      sendProblem(
        reply,
        kitErrors.ROUTE_NOT_FOUND({
          detail: `${request.method} ${request.url.split('?')[0]} does not exist`,
        }),
      ),
    );
  },
  { name: 'service-kit-errors' },
);
