import { feedPageSchema, feedParamsSchema } from '@enforcement/contracts';
import { requirePrincipal, Snapshots } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { feedCursorOf } from '../domain/feed-cursor.ts';
import type { FeedCounts, OpenCounts } from '../store/feed-counts.ts';
import type { NotificationStore } from '../store/notification-store.ts';
import { assertFeedReader, filtersOf, pageQuerySchema } from './feed-query.ts';
import { notificationView } from './views.ts';

export interface FeedRouteDeps {
  notifications: NotificationStore;
  counts: FeedCounts;
  /** How old a page's open counts may be: they read every open notification of the audience. */
  countsMaxAgeMs: number;
}

/** An audience's feed, a page at a time: its notifications' changes in order, resumable by cursor. */
export const feedRoutes: FastifyPluginAsyncZod<FeedRouteDeps> = async (app, deps) => {
  const counts = new Snapshots(deps.countsMaxAgeMs, 1024);
  const openCounts = (query: Parameters<FeedCounts['openCounts']>[0]) =>
    counts
      .get<OpenCounts>(JSON.stringify(query), new Date(), () => deps.counts.openCounts(query))
      .then((snapshot) => snapshot.value);
  app.get(
    '/feeds/:audience',
    {
      config: { scopes: ['notifications:read'] },
      schema: {
        summary: 'A page of an audience’s notification changes, oldest first',
        description:
          'Each notification appears once, at its latest change. Keep `nextCursor` and pass it as `after`: ' +
          'the next page starts right after it, with no gap and no repeat, even for a change that commits ' +
          'late. `counts` are of the audience’s open notifications under the filters (state aside).',
        tags: ['feeds'],
        params: feedParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: feedPageSchema },
      },
    },
    async (request) => {
      const { audience } = request.params;
      assertFeedReader(requirePrincipal(request), audience);
      const query = request.query;
      const after = query.after ?? 0;
      const filters = filtersOf(query);
      // One more than asked tells whether anything is left, so `upToDate` needs no extra round trip.
      const [page, counts] = await Promise.all([
        deps.notifications.changes({ audience, after, limit: query.limit + 1, ...filters }),
        openCounts({
          audience,
          severity: filters.severity,
          ruleId: filters.ruleId,
          province: filters.province,
        }),
      ]);
      const more = page.items.length > query.limit;
      const items = more ? page.items.slice(0, query.limit) : page.items;
      const last = items.at(-1);
      // A short page read everything matching up to the watermark: the cursor may pass filtered-out changes.
      const next = more && last !== undefined ? last.seq : Math.max(after, page.watermark);
      return {
        audience,
        items: items.map(notificationView),
        nextCursor: feedCursorOf(next),
        upToDate: !more,
        counts,
      };
    },
  );
};
