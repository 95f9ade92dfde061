import { dwellStatsQuerySchema, dwellStatsSchema } from '@enforcement/contracts';
import { provinceWithinLimit } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { provinceLimit, readsLots } from '../domain/access.ts';
import { errors } from '../errors.ts';
import type { RouteDeps } from './deps.ts';
import { callerOf } from './request-context.ts';

/** The stuck-goods (رسوب) report. */
export const dwellRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/stats/dwell',
    {
      config: { scopes: ['lots:read'] },
      schema: {
        summary:
          'Per office and category: lots held, dwell p50/p90/max in days, lots past abandonment, value held',
        tags: ['stats'],
        querystring: dwellStatsQuerySchema,
        response: { 200: dwellStatsSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      if (!readsLots(caller))
        throw errors.LOTS_READ_FORBIDDEN({ detail: `${caller.agency} does not read goods lots` });
      const province = provinceWithinLimit(provinceLimit(caller), request.query.province);
      const snapshot = await deps.dwell.report(deps.now(), province);
      return { generatedAt: snapshot.generatedAt.toISOString(), rows: snapshot.rows };
    },
  );
};
