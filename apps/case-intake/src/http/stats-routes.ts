import { caseStatsQuerySchema, caseStatsSchema } from '@enforcement/contracts';
import { provinceWithinLimit } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { caseStatsVisibility } from '../domain/access.ts';
import type { RouteDeps } from './deps.ts';
import { callerOf } from './request-context.ts';

/** The caseload report (cases by province, category and lifecycle stage), for dashboards. */
export const statsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/stats/cases',
    {
      config: { scopes: ['cases:read'] },
      schema: {
        summary:
          'Per province, category and status: cases, how many are overdue for determination, estimated value',
        description:
          "Counts the cases within the key's province limit; for agencies other than prosecutor, " +
          'inspection, governorate and anti_smuggling_hq (which keeps the statistics but reads no case) ' +
          'only the cases they discovered or handle. A snapshot ' +
          'at most CASE_STATS_MAX_AGE_S old; `generatedAt` says when it was computed.',
        tags: ['stats'],
        querystring: caseStatsQuerySchema,
        response: { 200: caseStatsSchema },
      },
    },
    async (request) => {
      const visibility = caseStatsVisibility(callerOf(request));
      const province = provinceWithinLimit(visibility.province, request.query.province);
      const scope = province === undefined ? visibility : { ...visibility, province };
      const snapshot = await deps.caseStats.report(deps.now(), scope);
      return { generatedAt: snapshot.generatedAt.toISOString(), rows: snapshot.value };
    },
  );
};
