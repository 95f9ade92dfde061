import {
  entityIdSchema,
  lotListQuerySchema,
  lotPageSchema,
  lotViewSchema,
  registerLotBodySchema,
} from '@enforcement/contracts';
import { etagOf, eventContextOf, provinceWithinLimit } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { mayRegisterLot, provinceLimit, readsLots } from '../domain/access.ts';
import { registerLot } from '../domain/registration.ts';
import { errors } from '../errors.ts';
import { applyVerdictToLot } from '../events/apply-verdict.ts';
import { lotRegisteredEvent } from '../events/lot-events.ts';
import { lotCursor, lotPositionFrom } from '../store/lot-query.ts';
import { readableLot } from './change-lot.ts';
import type { RouteDeps } from './deps.ts';
import { invalidCursor, lotRefusalError } from './refusals.ts';
import { callerOf } from './request-context.ts';
import { lotView } from './views.ts';

export const lotIdParamsSchema = z.object({ id: entityIdSchema });

/** Registering, reading and listing lots. */
export const lotRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.post(
    '/lots',
    {
      config: { scopes: ['lots:write'] },
      schema: {
        summary: 'Register goods arriving at a customs office or port',
        description:
          'The province is the office’s. A lot linked to a case whose verdict is already known carries it.',
        tags: ['lots'],
        body: registerLotBodySchema,
        response: { 201: lotViewSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { body } = request;
      const office = await deps.offices.findById(body.officeId);
      if (office === null) {
        throw errors.LOT_STEP_INVALID({
          detail: `body.officeId: no office ${body.officeId}`,
          errors: [{ path: 'body.officeId', message: `no customs office or port ${body.officeId}` }],
        });
      }
      if (!mayRegisterLot(caller, office)) {
        throw errors.LOT_REGISTRATION_FORBIDDEN({
          detail: `Customs or ports of ${office.province} register lots at ${office.id}`,
        });
      }
      const now = deps.now();
      const verdictBefore = body.caseId === null ? null : await deps.verdicts.find(body.caseId);
      const decision = registerLot(body, office, { lotId: deps.newId(), now, caseVerdict: verdictBefore });
      if (!decision.ok) throw lotRefusalError(decision.refusal);
      let lot = decision.value;
      const context = eventContextOf(request);
      await deps.lots.insert({ next: lot, events: [lotRegisteredEvent(lot, context)], now });
      // The verdict may have been recorded between the look-up and the insert, when the consumer
      // did not yet see this lot: looking again after the insert closes that gap.
      if (body.caseId !== null && verdictBefore === null) {
        const verdictAfter = await deps.verdicts.find(body.caseId);
        if (verdictAfter !== null) {
          await applyVerdictToLot(deps.lots, lot, verdictAfter, context, now);
          lot = (await deps.lots.findById(lot.id)) ?? lot;
        }
      }
      return reply
        .code(201)
        .header('location', `/v1/lots/${lot.id}`)
        .header('etag', etagOf(lot.version))
        .send(lotView(lot, now));
    },
  );

  app.get(
    '/lots/:id',
    {
      config: { scopes: ['lots:read'] },
      schema: {
        summary: 'Read a lot; its ETag is its version',
        tags: ['lots'],
        params: lotIdParamsSchema,
        response: { 200: lotViewSchema },
      },
    },
    async (request, reply) => {
      const lot = await readableLot(deps.lots, callerOf(request), request.params.id);
      return reply.header('etag', etagOf(lot.version)).send(lotView(lot, deps.now()));
    },
  );

  app.get(
    '/lots',
    {
      config: { scopes: ['lots:read'] },
      schema: {
        summary: 'List the lots the caller may see, newest first',
        description: 'Filters combine; a key limited to a province lists that province only.',
        tags: ['lots'],
        querystring: lotListQuerySchema,
        response: { 200: lotPageSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { query } = request;
      if (!readsLots(caller))
        throw errors.LOTS_READ_FORBIDDEN({ detail: `${caller.agency} does not read goods lots` });
      const limit = provinceLimit(caller);
      provinceWithinLimit(limit, query.province);
      const after = query.cursor === undefined ? undefined : lotPositionFrom(query.cursor);
      if (query.cursor !== undefined && after === undefined) throw invalidCursor();
      const now = deps.now();
      const page = await deps.lots.list(query, limit, now, after);
      const last = page.items.at(-1);
      return {
        items: page.items.map((lot) => lotView(lot, now)),
        nextCursor: page.more && last ? lotCursor({ registeredAt: last.registeredAt, id: last.id }) : null,
      };
    },
  );
};
