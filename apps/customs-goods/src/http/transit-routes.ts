import {
  entityIdSchema,
  lotTransitViewSchema,
  recordArrivalBodySchema,
  transitListQuerySchema,
  transitPageSchema,
} from '@enforcement/contracts';
import { eventContextOf, kitErrors } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { type Caller, lotAccess, provinceLimit, readsLots } from '../domain/access.ts';
import type { Lot, Transit } from '../domain/lot.ts';
import { recordArrival } from '../domain/transit.ts';
import { errors } from '../errors.ts';
import { arrivalEvents } from '../events/lot-events.ts';
import { listTransits, transitCursor, transitPositionFrom } from '../store/transit-query.ts';
import type { RouteDeps } from './deps.ts';
import { invalidCursor, transitRefusalError } from './refusals.ts';
import { callerOf } from './request-context.ts';
import { transitView } from './views.ts';

const transitParamsSchema = z.object({ id: entityIdSchema });

/** Either end's province sees a transit. */
function seesTransit(caller: Caller, transit: Transit): boolean {
  return lotAccess(caller, transit.origin) !== 'none' || lotAccess(caller, transit.destination) !== 'none';
}

/** Goods moving between offices: the open and overdue list, and the destination's arrival record. */
export const transitRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  async function visibleTransit(caller: Caller, transitId: string): Promise<{ lot: Lot; transit: Transit }> {
    const lot = await deps.lots.findByTransitId(transitId);
    if (lot?.transit === null || lot === null || !seesTransit(caller, lot.transit)) {
      throw errors.TRANSIT_NOT_FOUND({ transitId });
    }
    return { lot, transit: lot.transit };
  }

  app.get(
    '/transits',
    {
      config: { scopes: ['lots:read'] },
      schema: {
        summary: 'Transits between offices: open (default), overdue or closed, soonest due first',
        tags: ['transits'],
        querystring: transitListQuerySchema,
        response: { 200: transitPageSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { query } = request;
      if (!readsLots(caller))
        throw errors.LOTS_READ_FORBIDDEN({ detail: `${caller.agency} does not read goods lots` });
      const after = query.cursor === undefined ? undefined : transitPositionFrom(query.cursor);
      if (query.cursor !== undefined && after === undefined) throw invalidCursor();
      const now = deps.now();
      const page = await listTransits(deps.lots.collection, query, provinceLimit(caller), now, after);
      const last = page.items.at(-1);
      return {
        items: page.items.map(({ lot, transit }) => transitView(lot.id, transit, now)),
        nextCursor:
          page.more && last
            ? transitCursor({ expectedArrivalAt: last.transit.expectedArrivalAt, lotId: last.lot.id })
            : null,
      };
    },
  );

  app.get(
    '/transits/:id',
    {
      config: { scopes: ['lots:read'] },
      schema: {
        summary: 'One transit',
        tags: ['transits'],
        params: transitParamsSchema,
        response: { 200: lotTransitViewSchema },
      },
    },
    async (request) => {
      const { lot, transit } = await visibleTransit(callerOf(request), request.params.id);
      return transitView(lot.id, transit, deps.now());
    },
  );

  app.post(
    '/transits/:id/arrival',
    {
      config: { scopes: ['lots:write'] },
      schema: {
        summary: 'The destination office records the arrival and the quantity received',
        description: 'A quantity other than the one sent raises goods.transit_discrepancy at once.',
        tags: ['transits'],
        params: transitParamsSchema,
        body: recordArrivalBodySchema,
        response: { 200: lotTransitViewSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { lot, transit } = await visibleTransit(caller, request.params.id);
      if (lotAccess(caller, transit.destination) !== 'write') {
        throw errors.TRANSIT_ARRIVAL_FORBIDDEN({
          detail: `Customs or ports of ${transit.destination.province} record this arrival`,
        });
      }
      const now = deps.now();
      const decision = recordArrival(
        transit,
        { quantity: request.body.quantity, arrivedAt: request.body.arrivedAt },
        now,
      );
      if (!decision.ok) throw transitRefusalError(decision.refusal);
      const next = { ...lot, transit: decision.value, version: lot.version + 1, updatedAt: now };
      const events = arrivalEvents(next, decision.value, eventContextOf(request), now);
      if (!(await deps.lots.update(lot.version, { next, events, now }))) {
        throw kitErrors.CONFLICT({ detail: 'The lot changed while recording the arrival; retry' });
      }
      return transitView(lot.id, decision.value, now);
    },
  );
};
