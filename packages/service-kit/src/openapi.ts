import { problemDetailsSchema } from '@enforcement/contracts';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifySchema } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Route-level @fastify/helmet options (what its `helmet` route option is turned into). */
    helmet?: Omit<FastifyHelmetOptions, 'global'>;
  }
}

export const DOCS_PREFIX = '/docs';
export const BEARER_SCHEME = 'bearerAuth';

/** Where the problem document lives in the spec (the schema's `.meta({ id })` puts it in components). */
const PROBLEM_REF = `#/components/schemas/${problemDetailsSchema.meta()?.id ?? 'ProblemDetails'}`;

function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } } };
}

/** The swagger UI loads its scripts and styles inline; only its routes get this looser policy. */
const DOCS_CSP: Omit<FastifyHelmetOptions, 'global'> = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
    },
  },
};

export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * Zod schemas become JSON Schema (the official provider's transform); on top, every documented
 * route gets problem+json error responses and, unless public, the bearer requirement.
 */
function transform(input: TransformInput): { schema: FastifySchema; url: string } {
  const result = jsonSchemaTransform(input);
  // Routes declared without any schema come back with `schema: undefined`; they still get documented.
  const schema = (result.schema ?? {}) as FastifySchema & { hide?: boolean; security?: unknown };
  if (schema.hide) return result;
  const response = (schema.response ?? {}) as Record<string, unknown>;
  const isPublic = input.route.config?.public === true;
  return {
    url: result.url,
    schema: {
      ...schema,
      ...(isPublic || schema.security !== undefined ? {} : { security: [{ [BEARER_SCHEME]: [] }] }),
      response: {
        '4XX': problemResponse('Client error (problem details)'),
        '5XX': problemResponse('Server error (problem details)'),
        ...response,
      },
    },
  };
}

/** OpenAPI document at /docs/json and the UI at /docs, both public. */
export const openApiPlugin = fp<OpenApiOptions>(
  async (app: FastifyInstance, options) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: options.title, version: options.version, description: options.description ?? '' },
        components: {
          securitySchemes: { [BEARER_SCHEME]: { type: 'http', scheme: 'bearer', description: 'API key' } },
        },
      },
      transform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(async (docs) => {
      // Docs routes are public and get the UI's content security policy; nothing else does.
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, public: true, rateLimit: false, helmet: DOCS_CSP };
      });
      await docs.register(swaggerUi, { routePrefix: DOCS_PREFIX });
    });
  },
  { name: 'service-kit-openapi' },
);
