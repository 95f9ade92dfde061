import {
  agencyScorecardQuerySchema,
  agencyScorecardsSchema,
  oversightOverviewQuerySchema,
  oversightOverviewSchema,
} from '@enforcement/contracts';
import { kitErrors, requirePrincipal, Snapshots } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { sortScorecards } from '../domain/scorecard.ts';
import { isOverreach, type StatsScope, scopedFilter, statsLimitOf } from '../domain/stats-access.ts';
import type { StatsQueries } from '../store/stats-queries.ts';

export interface StatsRouteDeps {
  stats: StatsQueries;
  /** How old a served snapshot may be (STATS_MAX_AGE_S); 0 computes every request afresh. */
  maxAgeMs: number;
  now: () => Date;
}

/** The caller's limits applied to what the query asks; 403 naming the field that asks for more. */
function scopeOf(request: FastifyRequest, asked: StatsScope): StatsScope {
  const result = scopedFilter(statsLimitOf(requirePrincipal(request)), asked);
  if (!isOverreach(result)) return result;
  throw kitErrors.OUT_OF_JURISDICTION({
    detail: `Your key sees the statistics of ${result.field} ${result.limit} only`,
    errors: [
      { path: `query.${result.field}`, message: `must be ${result.limit}, the ${result.field} of your key` },
    ],
  });
}

/**
 * Scorecards (how each agency meets its obligations, to expose dereliction of duty) and the
 * dashboard overview of open notifications; both served from short-lived snapshots.
 */
export const statsRoutes: FastifyPluginAsyncZod<StatsRouteDeps> = async (app, deps) => {
  const snapshots = new Snapshots(deps.maxAgeMs);

  app.get(
    '/stats/agencies',
    {
      config: { scopes: ['stats:read'] },
      schema: {
        summary:
          'Per agency and province: obligations met on time, met late, open overdue, and what stands open',
        description:
          'Obligations of alert-only rules (fuel case registered, transit quantity mismatch) are not counted; ' +
          '`from`/`to` select obligations by due time, notification columns are open now. A provincial key ' +
          'sees its province; a national key of inspection or anti_smuggling_hq sees all; other national ' +
          'keys see their own agency.',
        tags: ['stats'],
        querystring: agencyScorecardQuerySchema,
        response: { 200: agencyScorecardsSchema },
      },
    },
    async (request) => {
      const query = request.query;
      const scope = scopeOf(request, { province: query.province, agency: query.agency });
      const filter = {
        ...scope,
        ...(query.rule === undefined ? {} : { rule: query.rule }),
        ...(query.from === undefined ? {} : { from: new Date(query.from) }),
        ...(query.to === undefined ? {} : { to: new Date(query.to) }),
      };
      const key = JSON.stringify([
        'agencies',
        scope.province,
        scope.agency,
        query.rule,
        query.from,
        query.to,
      ]);
      const snapshot = await snapshots.get(key, deps.now(), (now) =>
        deps.stats.agencyScorecards(filter, now),
      );
      return {
        generatedAt: snapshot.generatedAt.toISOString(),
        rows: sortScorecards(snapshot.value, query.sort, query.order),
      };
    },
  );

  app.get(
    '/stats/overview',
    {
      config: { scopes: ['stats:read'] },
      schema: {
        summary: 'Open notifications by rule and severity, and the trend per UTC day, for dashboards',
        tags: ['stats'],
        querystring: oversightOverviewQuerySchema,
        response: { 200: oversightOverviewSchema },
      },
    },
    async (request) => {
      const { days, province } = request.query;
      const scope = scopeOf(request, { province });
      const key = JSON.stringify(['overview', scope.province, scope.agency, days]);
      const snapshot = await snapshots.get(key, deps.now(), (now) =>
        deps.stats.overview({ ...scope, days }, now),
      );
      return { generatedAt: snapshot.generatedAt.toISOString(), ...snapshot.value };
    },
  );
};
