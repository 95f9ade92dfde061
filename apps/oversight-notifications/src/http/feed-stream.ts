import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { feedParamsSchema } from '@enforcement/contracts';
import { kitErrors, requirePrincipal } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { seqOfFeedCursor } from '../domain/feed-cursor.ts';
import { errors } from '../errors.ts';
import type { NotificationStore } from '../store/notification-store.ts';
import { FeedPump } from './feed-pump.ts';
import { assertFeedReader, filtersOf, streamHeadersSchema, streamQuerySchema } from './feed-query.ts';
import { StreamSlots } from './stream-slots.ts';

/** How long a closing server lets a stream's last bytes reach a slow client before cutting it. */
const CLOSE_GRACE_MS = 2000;

export interface FeedStreamDeps {
  notifications: NotificationStore;
  pollMs: number;
  heartbeatMs: number;
  /** Open streams one key may hold on this replica. */
  maxStreamsPerKey: number;
}

/** Whether `gone` settles within `ms`. */
async function settlesWithin(gone: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(resolve, ms, false);
  });
  try {
    return await Promise.race([gone.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Where a stream starts: the client's last event id, else `?after=`, else now (live changes only). */
async function startOf(
  lastEventId: string | undefined,
  after: number | undefined,
  notifications: NotificationStore,
): Promise<number> {
  const resumed = lastEventId === undefined ? undefined : seqOfFeedCursor(lastEventId);
  return resumed ?? after ?? (await notifications.seq.watermark());
}

/**
 * An audience's feed as Server-Sent Events. The response is a stream sent through Fastify (not a
 * hijacked socket), so the kit's hooks (security headers, ids, logging, metrics) apply as to any route.
 */
export const feedStreamRoutes: FastifyPluginAsyncZod<FeedStreamDeps> = async (app, deps) => {
  const slots = new StreamSlots(deps.maxStreamsPerKey);
  /** Open streams: each pump, its response, and a promise settled when the response is gone. */
  const open = new Map<FeedPump, { response: ServerResponse; gone: Promise<void> }>();

  // server.close() waits for open connections: end the streams first, or app.close() never returns.
  // A client that stopped reading cannot take the end of its stream; its connection is cut after a grace.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    await Promise.all(
      [...open].map(async ([pump, { response, gone }]) => {
        await pump.end();
        if (!(await settlesWithin(gone, CLOSE_GRACE_MS))) response.destroy();
        await gone;
      }),
    );
  });

  app.get(
    '/feeds/:audience/stream',
    {
      config: { scopes: ['notifications:read'] },
      schema: {
        summary: 'An audience’s notification changes as Server-Sent Events',
        description:
          'Each event is `event: notification`, `id: <cursor>`, `data: <notification JSON>`, in change order. ' +
          'Reconnect with `Last-Event-ID` (an EventSource does it by itself) to get exactly what was missed. ' +
          'A comment line is sent as a heartbeat. Open streams per key are bounded on each server (429 past it).',
        tags: ['feeds'],
        params: feedParamsSchema,
        querystring: streamQuerySchema,
        headers: streamHeadersSchema,
        produces: ['text/event-stream'],
        response: {
          200: z
            .custom<Readable>((body) => body instanceof Readable)
            .meta({ description: 'An endless text/event-stream of `notification` events and heartbeats' }),
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { audience } = request.params;
      assertFeedReader(principal, audience);
      const after = await startOf(request.headers['last-event-id'], request.query.after, deps.notifications);
      // A stream opened while the server closes would miss the preClose hook that ends the others.
      if (closing) throw kitErrors.SERVICE_UNAVAILABLE({ detail: 'The server is shutting down; reconnect' });
      const release = slots.take(principal.keyId);
      if (release === undefined) throw errors.FEED_STREAM_LIMIT({ max: slots.max });

      const pump = new FeedPump({
        notifications: deps.notifications,
        query: { audience, ...filtersOf(request.query) },
        after,
        pollMs: deps.pollMs,
        heartbeatMs: deps.heartbeatMs,
        log: request.log,
      });
      const gone = new Promise<void>((resolve) => {
        reply.raw.once('close', () => {
          pump.stop();
          open.delete(pump);
          release();
          resolve();
        });
      });
      open.set(pump, { response: reply.raw, gone });
      return (
        reply
          .type('text/event-stream; charset=utf-8')
          .header('cache-control', 'no-cache, no-transform')
          .header('x-accel-buffering', 'no')
          // Once a stream ends its connection goes too, so nothing keeps a closing server waiting.
          .header('connection', 'close')
          .send(pump.out)
      );
    },
  );
};
