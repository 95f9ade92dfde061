import type { ProblemDetails, ProblemFieldError } from '@enforcement/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from './app-error.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** The problem document of an AppError, stamped with the ids that let support find the logs. */
export function problemFrom(error: AppError, request: FastifyRequest): ProblemDetails {
  return {
    ...error.extra,
    type: 'about:blank',
    title: error.title,
    status: error.status,
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    instance: request.url.split('?')[0] ?? request.url,
    code: error.code,
    requestId: request.id,
    correlationId: request.correlationId,
    ...(error.errors === undefined ? {} : { errors: error.errors }),
  };
}

/**
 * Sends an AppError as application/problem+json. The body is serialised here, as a string, so a
 * route's response schema (written for its success shape) never gets a say over error bodies.
 */
export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply
    .code(error.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problemFrom(error, reply.request)));
}

/** Where Fastify validated: its name for the query string is `querystring`, clients say `query`. */
const CONTEXT_NAMES: Record<string, string> = { querystring: 'query' };

interface ValidationIssue {
  instancePath: string;
  message?: string | undefined;
  keyword: string;
  params?: Record<string, unknown> | undefined;
}

/** Members a strict object refused: Zod reports them in one issue on the object, by name in `keys`. */
function unknownMembersOf(issue: ValidationIssue): string[] {
  const keys = issue.keyword === 'unrecognized_keys' ? issue.params?.keys : undefined;
  return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : [];
}

/**
 * Turns validator output into field errors whose path reads `body.parties.0.nationalId`. An unknown
 * member is named by its own path (`body.color: is not a field of this request`), one error each.
 */
export function fieldErrorsFrom(context: string, issues: readonly ValidationIssue[]): ProblemFieldError[] {
  const root = CONTEXT_NAMES[context] ?? context;
  return issues.flatMap((issue) => {
    const segments = issue.instancePath.split('/').filter((segment) => segment !== '');
    const unknown = unknownMembersOf(issue);
    if (unknown.length > 0) {
      return unknown.map((key) => ({
        path: [root, ...segments, key].join('.'),
        message: 'is not a field of this request',
        code: issue.keyword,
      }));
    }
    return [
      { path: [root, ...segments].join('.'), message: issue.message ?? 'is invalid', code: issue.keyword },
    ];
  });
}
