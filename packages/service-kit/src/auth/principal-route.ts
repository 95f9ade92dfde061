import { principalViewSchema } from '@enforcement/contracts';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { requirePrincipal } from './guards.ts';

/**
 * `GET /v1/principal` on every service: the calling key's agency, province limit and scopes. Any
 * valid key may ask (no scope needed); a client such as the dashboard learns from it what it may
 * offer its users instead of finding out from a 403.
 */
export const principalRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/principal',
    {
      schema: {
        summary: 'Who the API key of this request is: its agency, province limit and scopes',
        tags: ['auth'],
        response: { 200: principalViewSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return {
        keyId: principal.keyId,
        agency: principal.agency,
        province: principal.province ?? null,
        scopes: [...principal.scopes].sort(),
      };
    },
  );
};
