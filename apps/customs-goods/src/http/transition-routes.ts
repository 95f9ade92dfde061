import { extendAbandonmentBodySchema, lotTransitionBodySchema, lotViewSchema } from '@enforcement/contracts';
import { etagOf, eventContextOf, ifMatchHeadersSchema, versionFromIfMatch } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { extendAbandonment } from '../domain/abandonment.ts';
import { lotAccess, mayMoveLot } from '../domain/access.ts';
import { transitionLot } from '../domain/lifecycle.ts';
import { statusChangedEvent, transitOpenedEvent } from '../events/lot-events.ts';
import { changeLot } from './change-lot.ts';
import type { RouteDeps } from './deps.ts';
import { lotIdParamsSchema } from './lot-routes.ts';
import { lotRefusalError } from './refusals.ts';
import { callerOf } from './request-context.ts';
import { lotView } from './views.ts';

/** Moving a lot along its lifecycle, and the one extension of its abandonment date. */
export const transitionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.post(
    '/lots/:id/transitions',
    {
      config: { scopes: ['lots:write'] },
      schema: {
        summary: 'Move a lot to its next status with the data that step records',
        description:
          'held (warehousing: sets the abandonment date), pending_clearance, cleared, exited (with `transit` ' +
          'towards another office), abandoned, confiscated, transferred_to_property_org, auctioned, destroyed, ' +
          'returned. An illegal move is 409 LOT_ILLEGAL_TRANSITION naming currentStatus and allowedTransitions; ' +
          'a step the lot’s case forbids is 409 LOT_BLOCKED_BY_CASE; a stale If-Match is 412 LOT_VERSION_MISMATCH.',
        tags: ['lots'],
        params: lotIdParamsSchema,
        headers: ifMatchHeadersSchema,
        body: lotTransitionBodySchema,
        response: { 200: lotViewSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const step = request.body;
      const context = eventContextOf(request);
      const lot = await changeLot(deps.lots, {
        lotId: request.params.id,
        caller,
        expectedVersion: versionFromIfMatch(request.headers['if-match']),
        may: (current) => mayMoveLot(caller, current, step.to),
        decide: async (current) => {
          const now = deps.now();
          const destinationId = step.to === 'exited' ? step.transit?.destinationOfficeId : undefined;
          const destination =
            destinationId === undefined
              ? undefined
              : ((await deps.offices.findById(destinationId)) ?? undefined);
          const decision = transitionLot(current, step, {
            now,
            policy: deps.policy,
            destination,
            newTransitId: deps.newId(),
          });
          if (!decision.ok) throw lotRefusalError(decision.refusal);
          const { next, changes, opened } = decision.value;
          const events = changes.map((change) => statusChangedEvent(next, change, context));
          if (opened !== null) events.push(transitOpenedEvent(next, opened, context));
          return { write: { next, events, now }, result: next };
        },
      });
      return reply.header('etag', etagOf(lot.version)).send(lotView(lot, deps.now()));
    },
  );

  app.post(
    '/lots/:id/abandonment-extension',
    {
      config: { scopes: ['lots:write'] },
      schema: {
        summary: 'Extend a held lot’s abandonment date, once, by at most 2 months',
        tags: ['lots'],
        params: lotIdParamsSchema,
        headers: ifMatchHeadersSchema,
        body: extendAbandonmentBodySchema,
        response: { 200: lotViewSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const lot = await changeLot(deps.lots, {
        lotId: request.params.id,
        caller,
        expectedVersion: versionFromIfMatch(request.headers['if-match']),
        may: (current) => lotAccess(caller, current) === 'write',
        decide: (current) => {
          const now = deps.now();
          const decision = extendAbandonment(current, request.body.days, deps.policy, now);
          if (!decision.ok) throw lotRefusalError(decision.refusal);
          // The contracts have no event for an extension: the new date shows on the lot itself.
          return { write: { next: decision.value, events: [], now }, result: decision.value };
        },
      });
      return reply.header('etag', etagOf(lot.version)).send(lotView(lot, deps.now()));
    },
  );
};
